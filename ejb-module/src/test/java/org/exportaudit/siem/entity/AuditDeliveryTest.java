package org.exportaudit.siem.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.exportaudit.platform.Backoff;
import org.exportaudit.platform.Settings;
import org.junit.jupiter.api.Test;

class AuditDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    /** The backoff nobody configured. */
    private static final Backoff RETRIES = new Settings(property -> null).backoff(Settings.SIEM_FIRST_RETRY,
            Settings.SIEM_LONGEST_RETRY);

    @Test
    void a_failing_receiver_waits_one_second_then_twice_as_long_each_time_up_to_a_minute() {
        assertEquals(Duration.ofSeconds(1), RETRIES.after(1));
        assertEquals(Duration.ofSeconds(2), RETRIES.after(2));
        assertEquals(Duration.ofSeconds(32), RETRIES.after(6));
        assertEquals(Duration.ofMinutes(1), RETRIES.after(7));
        assertEquals(Duration.ofMinutes(1), RETRIES.after(Integer.MAX_VALUE));
    }

    @Test
    void failures_keep_when_it_started_failing_and_the_last_error_and_a_success_clears_them() {
        AuditDelivery delivery = new AuditDelivery("https://siem.example.com/events", OutletKind.WEBHOOK, 41);

        delivery.failed("Connection refused", NOW, RETRIES);
        delivery.failed("HTTP 503 from https://siem.example.com/events", NOW.plusSeconds(1), RETRIES);

        assertEquals(2, delivery.attempts());
        assertEquals(NOW, delivery.failingSince());
        assertEquals("HTTP 503 from https://siem.example.com/events", delivery.lastError());
        assertEquals(NOW.plusSeconds(3), delivery.nextAttemptAt());
        assertEquals(41, delivery.deliveredSeq(), "nothing delivered");

        delivery.delivered(42, NOW.plusSeconds(4));

        assertEquals(42, delivery.deliveredSeq());
        assertEquals(0, delivery.attempts());
        assertNull(delivery.failingSince());
        assertNull(delivery.lastError());
        assertNull(delivery.nextAttemptAt());
    }

    @Test
    void the_cursor_only_moves_forward_and_a_released_receiver_is_nobody_s() {
        AuditDelivery delivery = new AuditDelivery("tcp://127.0.0.1:514", OutletKind.SYSLOG, 10);

        assertThrows(IllegalStateException.class, () -> delivery.delivered(10, NOW));
        delivery.failed("x".repeat(5000), NOW, RETRIES);

        assertEquals(1000, delivery.lastError().length(), "fits its column");
        assertFalse(delivery.isClaimedBy(null));
    }
}
