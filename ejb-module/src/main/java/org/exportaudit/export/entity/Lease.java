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

    /** An export that lost its node this often is failed rather than taken over again. */
    public static final int MAX_TAKEOVERS = 3;

    public Lease {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A lease lasts some time, not " + length);
        }
    }

    /** Until when a lease taken or renewed at {@code now} holds. */
    public Instant from(Instant now) {
        return now.plus(length);
    }
}
