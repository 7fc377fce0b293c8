package org.exportaudit.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A notice's email in the outbox. It is written in the transaction that created the notice, so it
 * exists exactly when the notice does; it is sent until it is marked sent, retrying with a backoff
 * that doubles from 5 seconds up to 10 minutes.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    @Id
    @SequenceGenerator(name = "outgoing_mail_id", sequenceName = "outgoing_mail_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outgoing_mail_id")
    private Long id;

    @Column(name = "notice_id", nullable = false, updatable = false)
    private long noticeId;

    @Column(name = "recipient", nullable = false, updatable = false)
    private String recipient;

    @Column(name = "subject", nullable = false, updatable = false)
    private String subject;

    @Column(name = "text_body", nullable = false, updatable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false, updatable = false)
    private String htmlBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutgoingMail() {
        // for JPA
    }

    public OutgoingMail(long noticeId, String recipient, NoticeMail mail, Instant at) {
        this.noticeId = noticeId;
        this.recipient = recipient;
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.createdAt = at;
        this.nextAttemptAt = at;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public void sent(Instant at) {
        attempts++;
        sentAt = at;
        lastError = null;
    }

    /** The SMTP server refused or could not be reached: try again later, waiting longer each time. */
    public void failed(String error, Instant at) {
        attempts++;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
        nextAttemptAt = at.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public NoticeMail mail() {
        return new NoticeMail(subject, textBody, htmlBody);
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
