package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExportLogQueryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void a_from_day_begins_at_its_start_where_the_asker_is() {
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), ExportLogQuery.startOf(DAY, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), ExportLogQuery.startOf(DAY, STOCKHOLM));
    }

    @Test
    void a_to_day_includes_the_whole_day() {
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), ExportLogQuery.endOf(DAY, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-24T23:00:00Z"), ExportLogQuery.endOf(DAY, STOCKHOLM));
    }

    @Test
    void a_day_of_summer_time_is_23_hours_long_where_the_clocks_go_forward() {
        LocalDate forward = LocalDate.of(2026, 3, 29);
        assertEquals(23 * 3600, ExportLogQuery.endOf(forward, STOCKHOLM).getEpochSecond()
                - ExportLogQuery.startOf(forward, STOCKHOLM).getEpochSecond());
    }

    @Test
    void no_day_no_bound() {
        assertNull(ExportLogQuery.startOf(null, ZoneOffset.UTC));
        assertNull(ExportLogQuery.endOf(null, ZoneOffset.UTC));
    }
}
