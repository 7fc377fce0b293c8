package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadWindowTest {

    private static final DownloadWindow THIRTY_DAYS = DownloadWindow.ofDays(30);
    private static final Instant ENDED = Instant.parse("2026-10-30T12:00:00Z");

    @Test
    void the_window_closes_exactly_its_length_after_the_export_ended() {
        Instant closing = ENDED.plus(Duration.ofDays(30));

        assertTrue(THIRTY_DAYS.isOpen(ENDED, closing.minusNanos(1)));
        assertFalse(THIRTY_DAYS.isOpen(ENDED, closing));
    }

    /** The retention query selects {@code endedAt <= closedUpTo(now)}: exactly the exports whose window is closed. */
    @Test
    void the_purge_cutoff_agrees_with_the_window() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        Instant cutoff = THIRTY_DAYS.closedUpTo(now);

        assertEquals(ENDED, cutoff);
        assertFalse(THIRTY_DAYS.isOpen(cutoff, now));
        assertTrue(THIRTY_DAYS.isOpen(cutoff.plusNanos(1), now));
    }

    @Test
    void an_export_asks_the_window() {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ENDED.minusSeconds(30));
        export.counted(1);
        export.complete(10, "00", ENDED);
        Instant closing = ENDED.plus(Duration.ofDays(30));

        assertTrue(export.isDownloadable(closing.minusNanos(1), THIRTY_DAYS));
        assertFalse(export.isDueForPurge(closing.minusNanos(1), THIRTY_DAYS));
        assertFalse(export.isDownloadable(closing, THIRTY_DAYS));
        assertTrue(export.isDueForPurge(closing, THIRTY_DAYS));
    }

    @Test
    void a_window_is_longer_than_zero() {
        assertThrows(IllegalArgumentException.class, () -> new DownloadWindow(Duration.ZERO));
    }
}
