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

/**
 * One change, as it happened: who did what, to which export, when, and the details as JSON.
 * Append-only: it has no way to change once written, and only the retention timer deletes.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    /** The actor of what the application did by itself: a job's outcome, a purge. */
    public static final String SYSTEM = "system";

    /** The size of the detail column (V3__audit.sql): the events keep their input within it. */
    public static final int DETAIL_LENGTH = 8000;

    @Id
    @SequenceGenerator(name = "audit_record_id", sequenceName = "audit_record_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_id")
    private Long id;

    // Contract stub (issue 14): replaced by the core's version at the merge.
    @Column(name = "seq", nullable = false, updatable = false)
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

    public AuditRecord(Instant occurredAt, AuditKind kind, String actor, Long exportId, String detail) {
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.actor = actor;
        this.exportId = exportId;
        this.detail = detail;
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
