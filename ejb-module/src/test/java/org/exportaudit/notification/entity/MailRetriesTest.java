package org.exportaudit.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRetriesTest {

    private final MailRetries retries = new MailRetries(8, Duration.ofSeconds(5), Duration.ofMinutes(10));

    @Test
    void the_wait_doubles_after_each_failure_up_to_the_longest() {
        assertEquals(Duration.ofSeconds(5), retries.waitAfter(1));
        assertEquals(Duration.ofSeconds(10), retries.waitAfter(2));
        assertEquals(Duration.ofSeconds(320), retries.waitAfter(7));
        assertEquals(Duration.ofMinutes(10), retries.waitAfter(8));
        assertEquals(Duration.ofMinutes(10), retries.waitAfter(60));
    }

    @Test
    void at_least_one_attempt_and_waits_that_grow() {
        assertThrows(IllegalArgumentException.class, () -> new MailRetries(0, Duration.ofSeconds(5), Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new MailRetries(3, Duration.ofMinutes(5), Duration.ofSeconds(1)));
    }
}
