package org.exportaudit.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notice's email in the outbox. It is written in the transaction that created the notice, so it
 * exists exactly when the notice does. A sender claims it before sending (SENDING), and afterwards
 * marks it SENT, or PENDING again with a growing wait, or FAILED once its attempts are used up (see
 * MailRetries). Its Message-ID depends on nothing but its id, so that the same mail sent twice —
 * after a crash between the send and the mark — is recognised as one by the mail systems.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

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

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private MailStatus status = MailStatus.PENDING;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "claimed_by")
    private String claimedBy;

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
        return status == MailStatus.SENT;
    }

    /** True while the claim {@code token} is the mail's current claim: only its holder records the outcome. */
    public boolean isClaimedBy(String token) {
        return status == MailStatus.SENDING && token.equals(claimedBy);
    }

    public void sent(Instant at) {
        requireSending();
        attempts++;
        status = MailStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /**
     * The SMTP server refused or could not be reached: try again later, waiting longer each time,
     * or give up once the attempts are used up.
     */
    public void failed(String error, Instant at, MailRetries retries) {
        requireSending();
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= retries.attempts()) {
            status = MailStatus.FAILED;
        } else {
            status = MailStatus.PENDING;
            nextAttemptAt = at.plus(retries.waitAfter(attempts));
        }
    }

    private void requireSending() {
        if (status != MailStatus.SENDING) {
            throw new IllegalStateException("mail " + id + " is " + status + ", not claimed for sending");
        }
    }

    /**
     * The mail's Message-ID, in {@code domain} (the application's host name, the same on every
     * server): {@code <notice-<id>.export-audit@domain>}.
     */
    public String messageId(String domain) {
        return "<notice-" + id + ".export-audit@" + domain + ">";
    }

    public MailStatus status() {
        return status;
    }

    public long noticeId() {
        return noticeId;
    }

    public String lastError() {
        return lastError;
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
