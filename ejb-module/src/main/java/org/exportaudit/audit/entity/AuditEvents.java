package org.exportaudit.audit.entity;

import java.time.Instant;

/** What happens to the audit trail itself. */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** The head (the record at {@code seq}, its {@code hash}) was published, by a super admin or the hourly timer. */
    public record Anchored(long seq, String hash, String by, Instant at) {
    }

    /** A change wrote its audit record ({@link PendingAuditRecord}): once it commits, the record is chained. */
    public record Written(long id) {
    }
}
