package org.exportaudit.notification.control;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.exportaudit.notification.entity.NoticeMail;

/**
 * Sends one claimed mail through the mail session that server-config defines. It touches no
 * database: the outbox calls it with no transaction open, so that a slow SMTP server holds no
 * lock and no connection, and records the outcome afterwards.
 */
@ApplicationScoped
public class MailSender {

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

    public void send(MailClaim claim) throws MessagingException {
        Transport.send(message(claim));
    }

    private MimeMessage message(MailClaim claim) throws MessagingException {
        NoticeMail notice = claim.mail();
        MimeMessage message = new StableIdMessage(mailSession, claim.messageId());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(claim.recipient(), true));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(notice.html(), "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.setSentDate(Date.from(clock.instant()));
        return message;
    }

    /** Jakarta Mail writes a fresh random Message-ID when a message is saved; this one keeps the outbox's. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
