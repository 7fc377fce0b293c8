package org.exportaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.exportaudit.audit.entity.AuditAppended;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.audit.entity.PendingAuditRecord;

/**
 * Gives committed records their place in the chain. A change writes its record as pending, in its
 * own transaction, and never waits for the chain; right after the commit ({@link ChainTrigger}),
 * and every few seconds for what a crash left ({@code ChainTimer}), a chainer takes the head's
 * lock, chains every pending record in the order they were written, moves the head and commits.
 * The lock is held for one short transaction that chains a batch, never across a change's commit:
 * under load, one chainer's commit chains the records of many changes.
 */
@ApplicationScoped
public class Chaining {

    /** At most this many records per chaining transaction, so that a backlog never makes one huge one. */
    static final int PER_RUN = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    ChainHead head;

    @Inject
    Event<AuditAppended> appended;

    /**
     * Chains up to {@link #PER_RUN} pending records in a transaction of its own, and answers how
     * many: none, without taking the lock, when nothing is pending.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int chainPending() {
        if (pending(1).isEmpty()) {
            return 0;
        }
        ChainHead.Head locked = head.lock();
        List<PendingAuditRecord> batch = pending(PER_RUN);
        chainPending(locked, batch);
        return batch.size();
    }

    /**
     * Takes the head's lock in the caller's transaction and chains everything pending first: what
     * the caller appends next ({@link #append}) directly follows the head it answers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChainHead.Head lockCaughtUp() {
        ChainHead.Head current = head.lock();
        List<PendingAuditRecord> batch;
        do {
            batch = pending(PER_RUN);
            current = chainPending(current, batch);
        } while (batch.size() == PER_RUN);
        return current;
    }

    /** Appends {@code record} right after {@code locked}, the head as {@link #lockCaughtUp} answered it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChainHead.Head append(ChainHead.Head locked, PendingAuditRecord record) {
        em.persist(record); // for its id; never written, as it is removed in the same transaction
        em.remove(record);
        return chain(locked, List.of(record));
    }

    /** Chains pending records and deletes them, in one statement, once they are in the chain. */
    private ChainHead.Head chainPending(ChainHead.Head locked, List<PendingAuditRecord> batch) {
        ChainHead.Head current = chain(locked, batch);
        if (!batch.isEmpty()) {
            em.createQuery("delete from PendingAuditRecord p where p.id in :ids")
                    .setParameter("ids", batch.stream().map(PendingAuditRecord::id).toList())
                    .executeUpdate();
        }
        return current;
    }

    private List<PendingAuditRecord> pending(int limit) {
        return em.createQuery("select p from PendingAuditRecord p order by p.id", PendingAuditRecord.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Links the records after {@code locked} in their order, moves the head, and answers it. */
    private ChainHead.Head chain(ChainHead.Head locked, List<PendingAuditRecord> records) {
        ChainHead.Head current = locked;
        for (PendingAuditRecord record : records) {
            AuditRecord chained = record.chainedAt(current.seq() + 1, current.hash());
            em.persist(chained);
            current = current.after(chained);
            appended.fire(new AuditAppended(chained.seq()));
        }
        if (!records.isEmpty()) {
            head.advance(current.seq(), current.hash());
        }
        return current;
    }
}
