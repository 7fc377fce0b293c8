package org.exportaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The head of the audit chain: one row that every writer updates first, so that writers queue on
 * its lock and each record's seq and predecessor are those of the commit order (PLATFORM.md: the
 * UPDATE waits for the lock and then reads the row as committed, under READ COMMITTED on
 * PostgreSQL and H2 alike). The lock is held until the writer's transaction ends: appends come last
 * in their transactions, so the wait is the commit.
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

    /** Takes the next place in the chain: its seq, and the hash it links to. */
    Link next() {
        em.createNativeQuery("UPDATE audit_chain SET head_seq = head_seq + 1 WHERE id = 1").executeUpdate();
        Head head = read();
        return new Link(head.seq(), head.hash());
    }

    /** The record at the place {@link #next()} gave out is written: its hash is the head's. */
    void advanced(String hash) {
        em.createNativeQuery("UPDATE audit_chain SET head_hash = ? WHERE id = 1").setParameter(1, hash).executeUpdate();
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
    }

    /** A place in the chain and the hash of the record before it. */
    record Link(long seq, String previousHash) {
    }
}
