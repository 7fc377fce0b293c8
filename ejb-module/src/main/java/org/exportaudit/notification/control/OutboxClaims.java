package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exportaudit.notification.entity.MailStatus;
import org.exportaudit.notification.entity.OutgoingMail;

/**
 * The outbox's rows change hands in short transactions of their own, never around an SMTP
 * conversation: a sender claims a mail, sends it with no transaction open, then records the outcome.
 * The claim is one conditional UPDATE, so that of two senders — two timer runs, two servers sharing
 * the database — exactly one gets the row; the database decides, not a lock held while sending.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboxClaims {

    /** Due: pending and its wait over, or claimed by a sender that has not finished within the claim timeout. */
    private static final String CLAIMABLE = "(m.status = :pending and m.nextAttemptAt <= :now"
            + " or m.status = :sending and m.claimedAt < :abandoned)";

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboxSettings settings;

    /**
     * The mails that a sender may claim at {@code now}, those tried least first, and of those the
     * newest: a sender stops at the first refusal, and neither a mail that keeps being refused (its
     * recipient, say) nor a backlog queued while the SMTP server was down may hold up the mail just
     * queued. The backlog's own retries are scheduled per mail; once the server takes mail again, a run
     * goes through all of them.
     */
    public List<Long> due(Instant now, int limit) {
        return em.createQuery("select m.id from OutgoingMail m where " + CLAIMABLE + " order by m.attempts, m.id desc", Long.class)
                .setParameter("pending", MailStatus.PENDING)
                .setParameter("sending", MailStatus.SENDING)
                .setParameter("now", now)
                .setParameter("abandoned", now.minus(settings.claimTimeout()))
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims the mail for this sender, if it is still due: pending and its wait over, or claimed by a
     * sender that has not finished within the claim timeout (it crashed). Empty when another
     * sender has it or it is done.
     */
    public Optional<MailClaim> claim(long mailId, Instant now) {
        String token = UUID.randomUUID().toString();
        int claimed = em.createQuery("update OutgoingMail m set m.status = :claimedStatus, m.claimedAt = :now,"
                        + " m.claimedBy = :token where m.id = :id and " + CLAIMABLE)
                .setParameter("claimedStatus", MailStatus.SENDING)
                .setParameter("token", token)
                .setParameter("id", mailId)
                .setParameter("pending", MailStatus.PENDING)
                .setParameter("sending", MailStatus.SENDING)
                .setParameter("now", now)
                .setParameter("abandoned", now.minus(settings.claimTimeout()))
                .executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        OutgoingMail mail = em.find(OutgoingMail.class, mailId);
        em.refresh(mail); // the update bypassed the persistence context
        return Optional.of(new MailClaim(mailId, token, mail.recipient(), mail.messageId(settings.messageIdDomain()),
                mail.mail()));
    }

    /** The SMTP server took the mail; a claim that was taken over meanwhile records nothing. */
    public void sent(MailClaim claim, Instant at) {
        OutgoingMail mail = claimed(claim);
        if (mail != null) {
            mail.sent(at);
        }
    }

    /** The SMTP server did not take it: another attempt later, or FAILED once they are used up. */
    public OutgoingMail failed(MailClaim claim, String error, Instant at) {
        OutgoingMail mail = claimed(claim);
        if (mail != null) {
            mail.failed(error, at, settings.retries());
        }
        return mail;
    }

    private OutgoingMail claimed(MailClaim claim) {
        OutgoingMail mail = em.find(OutgoingMail.class, claim.mailId(), LockModeType.PESSIMISTIC_WRITE);
        return mail != null && mail.isClaimedBy(claim.token()) ? mail : null;
    }
}
