package org.exportaudit.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The test deployment's clock: the product's clock (UTC, in microseconds) set ahead by as much as a
 * test moved it, so that a test checks a deadline rule without waiting for it. It starts at the real
 * time, so a test that moves nothing sees the product's clock.
 *
 * <p>{@link ExportAuditEar#withProbe} puts it in a library of the test EAR's own (lib/), which
 * every module sees: as an alternative with a priority, its producer replaces the product's
 * ({@code org.exportaudit.platform.Clocks}) at every {@code @Inject Clock} of the application. The
 * EAR the build packages, and {@link ExportAuditEar#asBuilt}, have none. A test inside the server
 * injects it, moves it, and puts it back before anything it did must meet the real time again (a
 * sign-in Keycloak makes, the next test): each second moved is a second the rows written meanwhile
 * lie ahead of it. The product's own timers keep the real time; only what they read moves.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MovableClock {

    /** As the product's clock ticks: PostgreSQL and H2 keep microseconds. */
    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private volatile Duration ahead = Duration.ZERO;

    @Produces
    Clock clock() {
        return new Moved(REAL, this);
    }

    /** Sets the application's clock {@code by} further ahead (whole microseconds). */
    public void moveForward(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time moves forward only: " + by);
        }
        ahead = ahead.plus(by.truncatedTo(ChronoUnit.MICROS));
    }

    /** Puts the application's clock back to the real time. */
    public void backToRealTime() {
        ahead = Duration.ZERO;
    }

    /** The clock the beans get: the real one, read through the offset of the moment. */
    private static final class Moved extends Clock {

        private final Clock real;
        private final MovableClock movable;

        Moved(Clock real, MovableClock movable) {
            this.real = real;
            this.movable = movable;
        }

        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Moved(real.withZone(zone), movable);
        }

        @Override
        public Instant instant() {
            return real.instant().plus(movable.ahead);
        }
    }
}
