package org.exportaudit.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An audit record as its change's transaction writes it: committed with the change, or rolled
 * back with it, and moved into the chain ({@link AuditRecord}, with the same id) right after the
 * commit.
 */
@Entity
@Table(name = "audit_pending")
public class PendingAuditRecord extends AuditedChange {

    @Id
    @SequenceGenerator(name = "audit_record_id", sequenceName = "audit_record_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_id")
    private Long id;

    protected PendingAuditRecord() {
        // for JPA
    }

    public PendingAuditRecord(Instant occurredAt, AuditKind kind, String actor, Long exportId, String detail) {
        super(occurredAt, kind, actor, exportId, detail);
    }

    public Long id() {
        return id;
    }

    /** This record at {@code seq} in the chain, after the record whose hash is {@code previousHash}. */
    public AuditRecord chainedAt(long seq, String previousHash) {
        return new AuditRecord(id, seq, previousHash, this);
    }
}
