/**
 * The audit trail's work: recording events in their transaction, chaining, anchoring and verifying the trail.
 */
package org.exportaudit.audit.control;
