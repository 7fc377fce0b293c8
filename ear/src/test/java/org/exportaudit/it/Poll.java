package org.exportaudit.it;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * How the tests wait: they ask for the condition they expect again and again until a deadline,
 * never for a fixed time. Used in the test JVM and, added to every probe, in the server.
 */
final class Poll {

    private Poll() {
    }

    /** Asks {@code probe} every {@code interval} until it answers, at most {@code within}; fails with {@code what}. */
    static <T> T until(Duration within, Duration interval, Callable<Optional<T>> probe, Supplier<String> what)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> answer = probe.call();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what.get() + " (waited " + within + ")");
            }
            // The pause between two questions, not a wait for anything: what matters is asked again after
            // it, up to the deadline. Nothing here can be awaited instead: the conditions are another
            // process's state (a server, a browser, a mail server), seen only by asking.
            Thread.sleep(interval.toMillis());
        }
    }

    /** Asks {@code condition} every {@code interval} until it holds, at most {@code within}; fails with {@code what}. */
    static void untilTrue(Duration within, Duration interval, Callable<Boolean> condition, Supplier<String> what)
            throws Exception {
        until(within, interval, () -> condition.call() ? Optional.of(true) : Optional.empty(), what);
    }
}
