package org.exportaudit.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock the application reads, so that tests can move time forward. It ticks in
 * microseconds, as PostgreSQL and H2 keep time: an instant read back equals the one written, which
 * the export log's cursor relies on.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
