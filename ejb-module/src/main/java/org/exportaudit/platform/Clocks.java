package org.exportaudit.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock the application reads: every rule that compares a time with now (a deadline, an
 * age, a window) asks it ({@code @Inject Clock}); only a thread's bounded wait reads the system's.
 * It ticks in microseconds, as PostgreSQL and H2 keep time: an instant read back equals the one
 * written, which the export log's cursor relies on. The integration tests' deployment replaces it
 * with a clock that a test moves forward (an alternative that only the test EAR holds:
 * {@code MovableClock} in ear/src/test), so that a deadline rule is checked without waiting for it.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
