package org.exportaudit.notification.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.notification.entity.NoticeMail;
import org.exportaudit.notification.entity.OutgoingMail;

/**
 * Sends one mail of the outbox through the mail session that server-config defines, and records
 * the outcome in the same transaction. The row is locked while it is sent, so that a second
 * server sharing the database cannot send it too. A CDI bean, not an EJB, so that no other
 * deployment can reach it through java:global; only the {@link MailOutbox} calls it.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/mail/ExportAudit")
    Session mailSession;

    @Inject
    Clock clock;

    /**
     * The server's mail session waits forever for an SMTP server that does not answer; a notice
     * must not hold the outbox that long. Its properties are the session's own, read when a
     * connection is made, so the limits are set there once.
     */
    @PostConstruct
    void limitWaits() {
        for (String wait : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            mailSession.getProperties().putIfAbsent("mail.smtp." + wait, "10000");
            mailSession.getProperties().putIfAbsent("mail.smtps." + wait, "10000");
        }
    }

    /** Sends it unless it was sent meanwhile; false when the SMTP server did not take it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean send(long id) {
        OutgoingMail mail = em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.isSent()) {
            return true;
        }
        try {
            Transport.send(message(mail.recipient(), mail.mail()));
            mail.sent(clock.instant());
            return true;
        } catch (MessagingException e) {
            mail.failed(e.getMessage(), clock.instant());
            LOG.log(Level.WARNING, "Notice mail " + id + " to " + mail.recipient() + " not sent (attempt "
                    + mail.attempts() + "), next attempt at " + mail.nextAttemptAt() + ": " + e.getMessage());
            return false;
        }
    }

    private MimeMessage message(String recipient, NoticeMail notice) throws MessagingException {
        MimeMessage message = new MimeMessage(mailSession);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(notice.html(), "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }
}
