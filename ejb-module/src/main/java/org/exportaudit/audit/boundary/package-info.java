/**
 * The audit trail's entry points: reading and verifying the trail, the downloads of files, the chain's
 * timers.
 */
package org.exportaudit.audit.boundary;
