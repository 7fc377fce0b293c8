package org.exportaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.exportaudit.audit.entity.AuditRecord;

/**
 * The head of the audit chain: one row that chaining updates first, so that chainers (one or more
 * per node, two nodes of a cluster) queue on its lock and each read the head as the one before
 * committed it (PLATFORM.md: the UPDATE waits for the lock and then reads the row as committed,
 * under READ COMMITTED on PostgreSQL and H2 alike). The lock is held to the chainer's commit; no
 * change of the application waits for it ({@link Chaining}). The UPDATE is a JPA bulk statement,
 * which flushes the transaction's pending changes first.
 */
@ApplicationScoped
public class ChainHead {

    @PersistenceContext
    EntityManager em;

    /** The head, locked for the rest of the transaction. */
    public Head lock() {
        em.createNativeQuery("UPDATE audit_chain SET head_seq = head_seq WHERE id = 1").executeUpdate();
        return read();
    }

    /** The chain's last record is now the one at {@code seq}, with {@code hash}. */
    void advance(long seq, String hash) {
        em.createNativeQuery("UPDATE audit_chain SET head_seq = ?, head_hash = ? WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
    }

    /** The retention deleted the chain up to {@code seq}, whose hash the chain now starts from. */
    void startAt(long seq, String hash) {
        em.createNativeQuery("UPDATE audit_chain SET start_seq = ?, start_hash = ? WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
    }

    private Head read() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT head_seq, head_hash, start_seq, start_hash FROM audit_chain WHERE id = 1").getSingleResult();
        return new Head(((Number) row[0]).longValue(), row[1].toString().trim(), ((Number) row[2]).longValue(),
                row[3].toString().trim());
    }

    /** The chain's last record (seq, hash) and its start: the checkpoint, or 0 and the genesis hash. */
    public record Head(long seq, String hash, long startSeq, String startHash) {

        /** The head once {@code record} follows it. */
        Head after(AuditRecord record) {
            return new Head(record.seq(), record.hash(), startSeq, startHash);
        }
    }
}
