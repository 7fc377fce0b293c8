package org.exportaudit.export.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a node owns the exports it runs without renewing its claim. A node renews every second;
 * when it dies or hangs for longer than a lease, another node takes its exports over. Short enough
 * that no export stays PROCESSING for long after its node died; long enough that a garbage
 * collection or a slow database does not make two nodes run one export.
 */
public record Lease(Duration length) {

    /** Seconds a lease lasts, as a system property; 15 by default. */
    public static final String PROPERTY = "export-audit.lease.seconds";

    public static final int DEFAULT_SECONDS = 15;

    /** An export that lost its node this often is failed rather than taken over again. */
    public static final int MAX_TAKEOVERS = 3;

    public Lease {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A lease lasts some time, not " + length);
        }
    }

    public static Lease parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return new Lease(Duration.ofSeconds(DEFAULT_SECONDS));
        }
        try {
            long seconds = Long.parseLong(configured.strip());
            if (seconds >= 2 && seconds <= 3_600) {
                return new Lease(Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException(PROPERTY + " must be a whole number of seconds from 2 to 3600, not '"
                + configured + "'");
    }

    /** Until when a lease taken or renewed at {@code now} holds. */
    public Instant from(Instant now) {
        return now.plus(length);
    }
}
