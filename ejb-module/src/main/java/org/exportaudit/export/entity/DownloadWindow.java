package org.exportaudit.export.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long after its export completed a file can be downloaded. The one place that says when the
 * window closes: {@link Export} asks it about one export, the retention timer's query asks it for
 * the cutoff, so the page that offers a download and the timer that purges the file never
 * disagree about an export that ended exactly one window ago.
 */
public record DownloadWindow(Duration length) {

    public DownloadWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A download window must be longer than zero: " + length);
        }
    }

    public static DownloadWindow ofDays(long days) {
        return new DownloadWindow(Duration.ofDays(days));
    }

    /**
     * The latest end of an export whose window has closed at {@code now}: exports that ended at or
     * before it are due for purge.
     */
    public Instant closedUpTo(Instant now) {
        return now.minus(length);
    }

    /** An export that ended at {@code endedAt} is still within its window at {@code now}. */
    public boolean isOpen(Instant endedAt, Instant now) {
        return endedAt.isAfter(closedUpTo(now));
    }
}
