/**
 * The audit trail's entities and events: an audit record and its kinds, a download, the chain's hash.
 */
package org.exportaudit.audit.entity;
