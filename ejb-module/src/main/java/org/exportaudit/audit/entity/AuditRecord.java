package org.exportaudit.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change, as it happened, at its place in the chain ({@code seq}) with the hash that links it
 * to the record before. Written by its change's transaction as a {@link PendingAuditRecord} and
 * chained right after the commit. Append-only: it has no way to change once written, the database
 * refuses updates (V8_1), and only the retention deletes, from the start of the chain.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends AuditedChange {

    /** The actor of what the application did by itself: a job's outcome, a purge. */
    public static final String SYSTEM = "system";

    /** The id the record was written with ({@link PendingAuditRecord}), kept as it joins the chain. */
    @Id
    private Long id;

    @Column(name = "seq", nullable = false, updatable = false, unique = true)
    private long seq;

    @Column(name = "hash", nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditRecord() {
        // for JPA
    }

    /** {@code change} at {@code seq}, linked by its hash to the record before, whose hash is {@code previousHash}. */
    AuditRecord(long id, long seq, String previousHash, AuditedChange change) {
        super(change.occurredAt(), change.kind(), change.actor(), change.exportId(), change.detail());
        this.id = id;
        this.seq = seq;
        this.hash = ChainHash.of(previousHash, seq, occurredAt(), kind().name(), actor(), exportId(), detail());
    }

    public Long id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }
}
