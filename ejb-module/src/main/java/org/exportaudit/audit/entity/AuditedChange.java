package org.exportaudit.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What an audit record says, pending or chained: who did what, to which export, when, and the
 * details as JSON. The time is kept at the databases' precision (microseconds), so that the hash
 * of a record read back is the hash of the record written. Nothing changes it once written.
 */
@MappedSuperclass
public abstract class AuditedChange {

    /** The size of the detail column (V3__audit.sql): the events keep their input within it. */
    public static final int DETAIL_LENGTH = 8000;

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

    protected AuditedChange() {
        // for JPA
    }

    protected AuditedChange(Instant occurredAt, AuditKind kind, String actor, Long exportId, String detail) {
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.kind = kind;
        this.actor = actor;
        this.exportId = exportId;
        this.detail = detail;
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
