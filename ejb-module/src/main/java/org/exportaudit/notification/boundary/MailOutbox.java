package org.exportaudit.notification.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Sends the outbox: at once when mail was queued, and every 10 seconds from a persistent timer,
 * which retries what the SMTP server refused (with the backoff of each mail) and picks up what a
 * restart left pending. A singleton: one sender at a time, so no mail is sent twice by this server.
 */
@Singleton
public class MailOutbox {

    static final int MAILS_PER_RUN = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailSender sender;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = "export-audit mail outbox")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each mail commits on its own
    void sendDue() {
        List<Long> due = em.createQuery("select m.id from OutgoingMail m where m.sentAt is null"
                        + " and m.nextAttemptAt <= :now order by m.id", Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(MAILS_PER_RUN)
                .getResultList();
        for (Long id : due) {
            if (!sender.send(id)) {
                return; // the SMTP server is down: the rest waits for the next run
            }
        }
    }

    /** Queued mail goes out as soon as its transaction committed, not at the next timer run. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendSoon() {
        sendDue();
    }
}
