package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.exportaudit.notification.entity.MailRetries;

/**
 * The outbox's settings, system properties read each time they are used (an operator may change
 * them on a running server): {@value #ATTEMPTS} (8), {@value #FIRST_WAIT} (PT5S, doubling up to
 * {@value #LONGEST_WAIT}, PT10M) and {@value #CLAIM_TIMEOUT} (PT5M): a claim older than that is
 * taken to be a crashed sender's, and the mail is sent again, under the same Message-ID.
 */
@ApplicationScoped
public class OutboxSettings {

    static final String ATTEMPTS = "export-audit.mail.attempts";
    static final String FIRST_WAIT = "export-audit.mail.first-retry";
    static final String LONGEST_WAIT = "export-audit.mail.longest-retry";
    static final String CLAIM_TIMEOUT = "export-audit.mail.claim-timeout";

    @Inject
    NoticeLinks links;

    public MailRetries retries() {
        return new MailRetries(Integer.getInteger(ATTEMPTS, 8), duration(FIRST_WAIT, "PT5S"),
                duration(LONGEST_WAIT, "PT10M"));
    }

    public Duration claimTimeout() {
        return duration(CLAIM_TIMEOUT, "PT5M");
    }

    /**
     * The right-hand side of Message-IDs: the host that users reach the application at, the same
     * whichever server sends, so that a mail sent again by another server has the same ID.
     */
    public String messageIdDomain() {
        String host = URI.create(links.base()).getHost();
        return host == null || host.isBlank() ? "localhost" : host;
    }

    private static Duration duration(String property, String fallback) {
        return Duration.parse(System.getProperty(property, fallback));
    }
}
