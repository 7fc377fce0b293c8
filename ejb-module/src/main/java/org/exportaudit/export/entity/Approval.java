package org.exportaudit.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The four-eyes approval a policy asked for: until when it waits, who decided and when, and why a denial denied.
 * Kept apart from the export's life cycle because most exports never wait for one; the export decides the moves
 * (its state machine), this keeps what they wrote. Columns as V7 added them, and denial_reason (V14).
 * <p>
 * Empty for an export that never waited: the provider then loads no approval at all (every column null), so the
 * export reads it through {@link #NONE}.
 */
@Embeddable
public class Approval {

    /** The approval of an export that never waited for one; never changed. */
    static final Approval NONE = new Approval();

    /** While it waits: when the request expires unanswered; once expired, the deadline it missed. */
    @Column(name = "awaiting_until")
    private Instant awaitingUntil;

    /** Who approved, denied or withdrew it, and when. */
    @Column(name = "decided_by", length = Export.USER_LENGTH)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The approver's words when they denied it; null for any other decision. */
    @Column(name = "denial_reason", length = 1000)
    private String denialReason;

    void awaitUntil(Instant until) {
        this.awaitingUntil = until;
    }

    void decided(String by, Instant at) {
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void approved(String by, Instant at) {
        decided(by, at);
        this.awaitingUntil = null;
    }

    void denied(String by, String reason, Instant at) {
        decided(by, at);
        this.denialReason = reason;
    }

    /** The request's time is over at {@code now}: a decision at the deadline comes too late. */
    boolean hasRunOut(Instant now) {
        return !awaitingUntil.isAfter(now);
    }

    public Instant awaitingUntil() {
        return awaitingUntil;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String denialReason() {
        return denialReason;
    }
}
