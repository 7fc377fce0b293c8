package org.exportaudit.audit.entity;

import java.time.Instant;

/** What happens to the audit chain itself, each recorded in it. */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** The head (the record at {@code seq}, its {@code hash}) was published, by a super admin or the hourly timer. */
    public record Anchored(long seq, String hash, String by, Instant at) {
    }

    /** The retention deleted the chain's records up to {@code deletedThrough}, whose hash the chain now starts from. */
    public record Checkpointed(long deletedThrough, String hash, long records, Instant at) {
    }
}
