package org.exportaudit.audit.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.audit.entity.PendingAuditRecord;

/**
 * Deletes old audit records the one way the chain stays verifiable: from its start, up to the last
 * record before the first one to keep, leaving a checkpoint. The chain row keeps the last deleted
 * record's seq and hash (verification starts there, and the database lets only records at or below
 * it go), and a checkpoint record in the chain signs it off: the newest checkpoint record must name
 * the chain's start, and no one can change that record without breaking every hash after it.
 */
@ApplicationScoped
public class TrailRetention {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChainHead head;

    @Inject
    Chaining chaining;

    /**
     * Deletes the records up to the first one that occurred at or after {@code cutoff} (a record is
     * written as it occurs, so those before it are older), and records the checkpoint at {@code now}.
     * Returns how many records went.
     */
    public long deleteOccurredBefore(Instant cutoff, Instant now) {
        boolean due = !em.createQuery("select a.seq from AuditRecord a where a.occurredAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (!due) {
            return 0; // the usual minute: nothing to delete, and no need for the chain's lock
        }
        ChainHead.Head chain = chaining.lockCaughtUp();
        Long firstKept = em.createQuery("select min(a.seq) from AuditRecord a where a.occurredAt >= :cutoff", Long.class)
                .setParameter("cutoff", cutoff)
                .getSingleResult();
        long through = firstKept == null ? chain.seq() : firstKept - 1;
        if (through <= chain.startSeq()) {
            return 0;
        }
        String hash = em.createQuery("select a.hash from AuditRecord a where a.seq = :seq", String.class)
                .setParameter("seq", through)
                .getSingleResult().trim();
        head.startAt(through, hash);
        int deleted = em.createQuery("delete from AuditRecord a where a.seq <= :through")
                .setParameter("through", through)
                .executeUpdate();
        chaining.append(chain, new PendingAuditRecord(now, AuditKind.AUDIT_CHECKPOINT, AuditRecord.SYSTEM, null,
                JSON.createObjectBuilder().add("deletedThrough", through).add("hash", hash).add("records", deleted)
                        .build().toString()));
        return deleted;
    }
}
