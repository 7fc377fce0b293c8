package org.exportaudit.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.notification.control.MailClaim;
import org.exportaudit.notification.control.MailSender;
import org.exportaudit.notification.control.OutboxClaims;
import org.exportaudit.notification.entity.MailStatus;
import org.exportaudit.notification.entity.OutgoingMail;

/**
 * Sends the outbox: at once when mail was queued, when a refused mail's wait is over, and every
 * 10 seconds, which picks up what a restart or another server left. Each mail is claimed, sent
 * with no transaction open, and its outcome recorded (OutboxClaims): a crash between the send and
 * the record sends it again after the claim timeout, under the same Message-ID. The timers are not
 * persistent — the outbox table is what survives a restart.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step commits on its own, none spans a send
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    static final int MAILS_PER_RUN = 200;

    @Resource
    TimerService timers;

    @Inject
    Clock clock;

    @Inject
    OutboxClaims claims;

    @Inject
    MailSender sender;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "export-audit mail outbox")
    void everyTenSeconds() {
        sendDue();
    }

    /** A refused mail's wait is over. */
    @Timeout
    void retry() {
        sendDue();
    }

    /** Queued mail goes out as soon as its transaction committed, not at the next timer run. */
    @Asynchronous
    public void sendSoon() {
        sendDue();
    }

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
                timers.createSingleActionTimer(Date.from(mail.nextAttemptAt()), new TimerConfig(null, false));
            }
            return false;
        }
        claims.sent(claim, clock.instant());
        return true;
    }
}
