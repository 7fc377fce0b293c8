package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExportLogQueryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void a_from_day_begins_at_its_start_in_utc() {
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), ExportLogQuery.startOf(DAY));
    }

    @Test
    void a_to_day_includes_the_whole_day() {
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), ExportLogQuery.endOf(DAY));
    }

    @Test
    void no_day_no_bound() {
        assertNull(ExportLogQuery.startOf(null));
        assertNull(ExportLogQuery.endOf(null));
    }
}
