package org.exportaudit.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An audit record as its change's transaction writes it: committed with the change, or rolled
 * back with it, and moved into the chain ({@link AuditRecord}) right after the commit. The time is
 * kept at the databases' precision (microseconds), so that its hash is the hash of what is read back.
 */
@Entity
@Table(name = "audit_pending")
public class PendingAuditRecord {

    @Id
    @SequenceGenerator(name = "audit_record_id", sequenceName = "audit_record_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_id")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private AuditKind kind;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "export_id", updatable = false)
    private Long exportId;

    @Column(name = "detail", nullable = false, updatable = false, length = AuditRecord.DETAIL_LENGTH)
    private String detail;

    protected PendingAuditRecord() {
        // for JPA
    }

    public PendingAuditRecord(Instant occurredAt, AuditKind kind, String actor, Long exportId, String detail) {
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.kind = kind;
        this.actor = actor;
        this.exportId = exportId;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    /** This record at {@code seq} in the chain, after the record whose hash is {@code previousHash}. */
    public AuditRecord chainedAt(long seq, String previousHash) {
        return new AuditRecord(id, seq, previousHash, occurredAt, kind, actor, exportId, detail);
    }
}
