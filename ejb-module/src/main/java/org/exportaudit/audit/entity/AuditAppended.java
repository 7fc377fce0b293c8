package org.exportaudit.audit.entity;

/**
 * A record joined the chain at {@code seq}. Fired in the appending transaction: observe it after
 * the commit ({@code during = AFTER_SUCCESS}) to act on what the trail holds for good.
 */
public record AuditAppended(long seq) {
}
