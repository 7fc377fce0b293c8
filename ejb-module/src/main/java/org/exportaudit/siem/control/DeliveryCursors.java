package org.exportaudit.siem.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.siem.entity.AuditDelivery;
import org.exportaudit.siem.entity.OutletKind;

/**
 * The receivers' delivery cursors change hands in short transactions of their own, never around a
 * send: a sender claims a receiver, reads the records after its cursor, sends them with no
 * transaction open, and moves the cursor after each one the receiver took. The claim is one
 * conditional UPDATE (as the mail outbox's, notification's OutboxClaims), so of two senders — two
 * runs on one node, two nodes of a cluster — exactly one holds a receiver, and its records go out in
 * order; the database decides, on H2 as on PostgreSQL.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryCursors {

    @Inject
    SiemSettings settings;

    /**
     * A holder renews its claim with every record the receiver takes, and a send gives up within
     * 15 s (Webhook's timeouts): a claim this old is a crashed or stuck sender's, and is taken over.
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(1);

    /** Due: not waiting out a failure, and nobody's (or a crashed sender's). */
    private static final String CLAIMABLE = "(d.nextAttemptAt is null or d.nextAttemptAt <= :now)"
            + " and (d.claimedBy is null or d.claimedAt < :abandoned)";

    @PersistenceContext
    EntityManager em;

    /**
     * The receiver's cursor, made at the trail's head if it has none: a new receiver gets the records
     * appended from now on. Two nodes making it at once: one insert fails on the key and the caller
     * finds the other's.
     */
    public void open(String receiver, OutletKind kind) {
        if (em.find(AuditDelivery.class, receiver) == null) {
            em.persist(new AuditDelivery(receiver, kind, head()));
            em.flush();
        }
    }

    /** The seq of the newest record; 0 for an empty trail. */
    public long head() {
        Long head = em.createQuery("select max(r.seq) from AuditRecord r", Long.class).getSingleResult();
        return head == null ? 0 : head;
    }

    /** Claims the receiver if it is due and nobody else holds it; empty otherwise. */
    public Optional<DeliveryClaim> claim(String receiver, Instant now) {
        String token = UUID.randomUUID().toString();
        int claimed = em.createQuery("update AuditDelivery d set d.claimedBy = :token, d.claimedAt = :now"
                        + " where d.receiver = :receiver and " + CLAIMABLE)
                .setParameter("token", token)
                .setParameter("receiver", receiver)
                .setParameter("now", now)
                .setParameter("abandoned", now.minus(CLAIM_TIMEOUT))
                .executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        AuditDelivery delivery = em.find(AuditDelivery.class, receiver);
        em.refresh(delivery); // the update bypassed the persistence context
        return Optional.of(new DeliveryClaim(receiver, token, delivery.deliveredSeq(), delivery.failingSince()));
    }

    /** The next records after {@code seq}, in order. */
    public List<StreamedRecord> after(long seq, int limit) {
        return em.createQuery("select r from AuditRecord r where r.seq > :seq order by r.seq", AuditRecord.class)
                .setParameter("seq", seq)
                .setMaxResults(limit)
                .getResultStream()
                .map(record -> new StreamedRecord(record.seq(), record.kind(), record.actor(), record.exportId(),
                        record.detail(), record.occurredAt(), record.hash()))
                .toList();
    }

    /** The receiver took record {@code seq}. False when the claim was taken over meanwhile: the sender stops. */
    public boolean delivered(DeliveryClaim claim, long seq, Instant at) {
        AuditDelivery delivery = claimed(claim);
        if (delivery == null) {
            return false;
        }
        delivery.delivered(seq, at);
        return true;
    }

    /** The receiver did not take the next record: released, with the error and when to try again. */
    public Optional<AuditDelivery> failed(DeliveryClaim claim, String error, Instant at) {
        AuditDelivery delivery = claimed(claim);
        if (delivery != null) {
            delivery.failed(error, at, settings.retries());
        }
        return Optional.ofNullable(delivery);
    }

    /** The sender has sent all there was: the receiver is nobody's again. */
    public void release(DeliveryClaim claim) {
        AuditDelivery delivery = claimed(claim);
        if (delivery != null) {
            delivery.release();
        }
    }

    public List<AuditDelivery> all() {
        return em.createQuery("select d from AuditDelivery d order by d.receiver", AuditDelivery.class).getResultList();
    }

    private AuditDelivery claimed(DeliveryClaim claim) {
        AuditDelivery delivery = em.find(AuditDelivery.class, claim.receiver(), LockModeType.PESSIMISTIC_WRITE);
        return delivery != null && delivery.isClaimedBy(claim.token()) ? delivery : null;
    }
}
