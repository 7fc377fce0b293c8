package org.exportaudit.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Sends the outbox: at once when mail was queued ({@link OutboxTrigger}), and every 10 seconds
 * from {@link OutboxTimer}, which retries what the SMTP server refused (with the backoff of each
 * mail) and picks up what a restart left pending. One sender at a time (synchronized), so no mail
 * is sent twice by this server. A CDI bean, not an EJB: no other deployment can reach it through
 * java:global.
 */
@ApplicationScoped
public class MailOutbox {

    static final int MAILS_PER_RUN = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailSender sender;

    /** Outside any transaction: each mail commits on its own. */
    public synchronized void sendDue() {
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
}
