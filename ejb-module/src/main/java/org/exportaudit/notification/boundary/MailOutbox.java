package org.exportaudit.notification.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.notification.control.MailClaim;
import org.exportaudit.notification.control.MailSender;
import org.exportaudit.notification.control.OutboxClaims;
import org.exportaudit.notification.entity.MailStatus;
import org.exportaudit.notification.entity.OutgoingMail;

/**
 * Sends the outbox: at once when mail was queued ({@link OutboxTrigger}), when a refused mail's
 * wait is over, and every 10 seconds from {@link OutboxTimer}, which picks up what a restart or
 * another server left. Each mail is claimed, sent with no transaction open, and its outcome
 * recorded (OutboxClaims): a crash between the send and the record sends it again after the claim
 * timeout, under the same Message-ID; two runs, here or on another server, never both hold a
 * claim. A CDI bean, not an EJB: no other deployment can reach it through java:global.
 * <p>
 * One run at a time on each server: a mail queued while a run is on its way is sent by that run's
 * next round. The run takes a thread of the server's default executor, which also chains the audit
 * trail and streams it to the SIEMs; a mail server that keeps senders waiting holds one thread, not
 * one per mail, and the audit trail goes on meanwhile.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    static final int MAILS_PER_RUN = 200;

    @Resource
    ManagedExecutorService executor;

    /** Retries wait here, not in EJB timers: they need not survive a restart (the table does). */
    @Resource
    ManagedScheduledExecutorService retries;

    @Inject
    Clock clock;

    @Inject
    OutboxClaims claims;

    @Inject
    MailSender sender;

    /** Asks for a run since the running one, if any, last read the outbox; 0 when none is queued or running. */
    private final AtomicInteger asked = new AtomicInteger();

    /** The application is being undeployed or the server stops: a run on its way ends at its next step. */
    private volatile boolean stopping;

    @PreDestroy
    void stop() {
        stopping = true;
    }

    /** Queues a run, unless one is queued or running: that one then goes round once more. Returns at once. */
    public void sendSoon() {
        if (!stopping && asked.getAndIncrement() == 0) {
            try {
                executor.execute(this::sendWhileAsked);
            } catch (RejectedExecutionException rejected) {
                asked.set(0); // the application stops: the table keeps the mail for the next start
            }
        }
    }

    private void sendWhileAsked() {
        try {
            int seen;
            do {
                seen = asked.get();
                sendDue();
            } while (!asked.compareAndSet(seen, 0) && !stopping);
        } catch (RuntimeException e) {
            asked.set(0); // the database is away, say: the timer's next run starts afresh
            LOG.log(stopping ? Level.FINE : Level.WARNING, "Notice mails wait for the outbox's next run: " + e.getMessage(), e);
        }
    }

    /** Outside any transaction: each claim and each outcome commits on its own. */
    private void sendDue() {
        List<Long> due = claims.due(clock.instant(), MAILS_PER_RUN);
        for (Long id : due) {
            Optional<MailClaim> claim = claims.claim(id, clock.instant());
            if (claim.isPresent() && !send(claim.get())) {
                return; // the SMTP server is down: the rest waits for the next run
            }
        }
    }

    private boolean send(MailClaim claim) {
        try {
            sender.send(claim);
        } catch (MessagingException e) {
            OutgoingMail mail = claims.failed(claim, e.getMessage(), clock.instant());
            if (mail != null && mail.status() == MailStatus.FAILED) {
                LOG.log(Level.SEVERE, "Notice mail " + claim.mailId() + " to " + claim.recipient() + " FAILED after "
                        + mail.attempts() + " attempts; it is not tried again: " + e.getMessage());
            } else if (mail != null) {
                LOG.log(Level.WARNING, "Notice mail " + claim.mailId() + " to " + claim.recipient() + " not sent (attempt "
                        + mail.attempts() + "), next attempt at " + mail.nextAttemptAt() + ": " + e.getMessage());
                retryAt(mail);
            }
            return false;
        }
        claims.sent(claim, clock.instant());
        return true;
    }

    private void retryAt(OutgoingMail mail) {
        long wait = Math.max(0, Duration.between(clock.instant(), mail.nextAttemptAt()).toMillis());
        retries.schedule(this::sendSoon, wait, TimeUnit.MILLISECONDS);
    }
}
