package org.exportaudit.notification.entity;

import java.time.Duration;

/**
 * How often a mail is tried: up to {@code attempts} times, waiting {@code firstWait} after the first
 * failure and twice as long after each next one, never longer than {@code longestWait}.
 */
public record MailRetries(int attempts, Duration firstWait, Duration longestWait) {

    public MailRetries {
        if (attempts < 1 || firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("mail retries need at least one attempt and waits that grow: "
                    + attempts + ", " + firstWait + ", " + longestWait);
        }
    }

    /** The wait after the {@code failures}-th failed attempt. */
    Duration waitAfter(int failures) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
