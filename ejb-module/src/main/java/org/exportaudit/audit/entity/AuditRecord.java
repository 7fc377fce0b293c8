package org.exportaudit.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One change, as it happened: who did what, to which export, when, and the details as JSON, at its
 * place in the chain ({@code seq}) with the hash that links it to the record before. Written by
 * its change's transaction as a {@link PendingAuditRecord} and chained right after the commit.
 * Append-only: it has no way to change once written, the database refuses updates (V8_1), and only
 * the retention deletes, from the start of the chain.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    /** The actor of what the application did by itself: a job's outcome, a purge. */
    public static final String SYSTEM = "system";

    /** The size of the detail column (V3__audit.sql): the events keep their input within it. */
    public static final int DETAIL_LENGTH = 8000;

    /** The id the record was written with ({@link PendingAuditRecord}), kept as it joins the chain. */
    @Id
    private Long id;

    @Column(name = "seq", nullable = false, updatable = false, unique = true)
    private long seq;

    @Column(name = "hash", nullable = false, updatable = false, length = 64)
    private String hash;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private AuditKind kind;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "export_id", updatable = false)
    private Long exportId;

    @Column(name = "detail", nullable = false, updatable = false, length = DETAIL_LENGTH)
    private String detail;

    protected AuditRecord() {
        // for JPA
    }

    /**
     * The record at {@code seq}, linked to the one before by its hash. The time is kept at the
     * databases' precision (microseconds), so that the hash of the record read back is the hash
     * of the record written.
     */
    AuditRecord(long id, long seq, String previousHash, Instant occurredAt, AuditKind kind, String actor,
            Long exportId, String detail) {
        this.id = id;
        this.seq = seq;
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.kind = kind;
        this.actor = actor;
        this.exportId = exportId;
        this.detail = detail;
        this.hash = ChainHash.of(previousHash, seq, this.occurredAt, kind.name(), actor, exportId, detail);
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditKind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public Long exportId() {
        return exportId;
    }

    public String detail() {
        return detail;
    }
}
