package org.exportaudit.siem.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.exportaudit.platform.Backoff;

/**
 * How far one SIEM receiver has got through the audit trail: it has had every record up to
 * {@link #deliveredSeq()}, in order. While it fails, the failures since its last success, since when,
 * the last error, and when it is tried again: after a wait that grows with each failure (by default
 * one second after the first, doubling up to a minute, so that a receiver that is back is caught up
 * within a minute and one that stays down costs a connection attempt a minute). A sender holds the receiver (claimed by, since)
 * while it sends; only the holder moves the cursor.
 */
@Entity
@Table(name = "audit_delivery")
public class AuditDelivery {

    /** The size of the last_error column (V9__audit_delivery.sql). */
    static final int ERROR_LENGTH = 1000;

    @Id
    @Column(name = "receiver", nullable = false, updatable = false, length = 500)
    private String receiver;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private OutletKind kind;

    @Column(name = "delivered_seq", nullable = false)
    private long deliveredSeq;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    protected AuditDelivery() {
        // for JPA
    }

    /**
     * A receiver seen for the first time starts at the trail's head: it gets what is appended from
     * now on, not the whole history (which the trail's CSV download and the REST API give).
     */
    public AuditDelivery(String receiver, OutletKind kind, long head) {
        this.receiver = receiver;
        this.kind = kind;
        this.deliveredSeq = head;
    }

    /** The receiver took the record {@code seq}: it is no longer failing, and the holder keeps it a while longer. */
    public void delivered(long seq, Instant at) {
        if (seq <= deliveredSeq) {
            throw new IllegalStateException(receiver + " already has " + seq + " (delivered up to " + deliveredSeq + ")");
        }
        deliveredSeq = seq;
        attempts = 0;
        failingSince = null;
        lastError = null;
        nextAttemptAt = null;
        claimedAt = at;
    }

    /** The receiver did not take the next record: it is released, to be tried again after a growing wait. */
    public void failed(String error, Instant at, Backoff retries) {
        attempts++;
        if (failingSince == null) {
            failingSince = at;
        }
        lastError = fitted(error == null || error.isBlank() ? "failed without a message" : error);
        nextAttemptAt = at.plus(retries.after(attempts));
        release();
    }

    public void release() {
        claimedBy = null;
        claimedAt = null;
    }

    public boolean isClaimedBy(String token) {
        return token != null && token.equals(claimedBy);
    }

    private static String fitted(String error) {
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
    }

    public String receiver() {
        return receiver;
    }

    public OutletKind kind() {
        return kind;
    }

    public long deliveredSeq() {
        return deliveredSeq;
    }

    public int attempts() {
        return attempts;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
