package org.exportaudit.platform;

import java.time.Duration;

/**
 * How long to wait before trying again something that keeps failing (a mail, a SIEM receiver):
 * {@code firstWait} after the first failure, twice as long after each next one, never longer than
 * {@code longestWait}.
 */
public record Backoff(Duration firstWait, Duration longestWait) {

    public Backoff {
        if (firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("waits must grow from nothing or more: " + firstWait + ", " + longestWait);
        }
    }

    /** The wait after the {@code failures}-th failure in a row. */
    public Duration after(int failures) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
