package org.exportaudit.notification.entity;

import java.time.Duration;
import org.exportaudit.platform.Backoff;

/**
 * How often a mail is tried: up to {@code attempts} times, waiting {@code firstWait} after the first
 * failure and twice as long after each next one, never longer than {@code longestWait}.
 */
public record MailRetries(int attempts, Duration firstWait, Duration longestWait) {

    public MailRetries {
        if (attempts < 1) {
            throw new IllegalArgumentException("mail retries need at least one attempt: " + attempts);
        }
        new Backoff(firstWait, longestWait); // refuses waits that do not grow
    }

    /** The wait after the {@code failures}-th failed attempt. */
    Duration waitAfter(int failures) {
        return new Backoff(firstWait, longestWait).after(failures);
    }
}
