package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.exportaudit.notification.entity.MailRetries;
import org.exportaudit.platform.Backoff;
import org.exportaudit.platform.Settings;

/**
 * The outbox's settings, read each time they are used (an operator may change them on a
 * running server): {@code export-audit.mail.attempts} (8), {@code export-audit.mail.first-retry} (PT5S,
 * doubling up to {@code export-audit.mail.longest-retry}, PT10M) and {@code export-audit.mail.claim-timeout}
 * (PT5M): a claim older than that is
 * taken to be a crashed sender's, and the mail is sent again, under the same Message-ID.
 */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    Settings settings;

    @Inject
    NoticeLinks links;

    public MailRetries retries() {
        Backoff waits = settings.backoff(Settings.MAIL_FIRST_RETRY, Settings.MAIL_LONGEST_RETRY);
        return new MailRetries(settings.get(Settings.MAIL_ATTEMPTS), waits.firstWait(), waits.longestWait());
    }

    public Duration claimTimeout() {
        return settings.get(Settings.MAIL_CLAIM_TIMEOUT);
    }

    /**
     * The right-hand side of Message-IDs: the host that users reach the application at, the same
     * whichever server sends, so that a mail sent again by another server has the same ID.
     */
    public String messageIdDomain() {
        String host = URI.create(links.base()).getHost();
        return host == null || host.isBlank() ? "localhost" : host;
    }
}
