package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportRefused;
import org.junit.jupiter.api.Test;

class LogFiltersTest {

    @Test
    void days_are_whole_utc_days_and_to_includes_its_day() {
        ExportLogQuery query = LogFilters.query(null, null, null, "2026-11-24", "2026-11-24", null, null);

        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), query.to());
    }

    @Test
    void instants_are_taken_as_given() {
        ExportLogQuery query = LogFilters.query(null, null, null, "2026-11-24T09:30:00Z", "2026-11-24T10:00:00Z",
                null, null);

        assertEquals(Instant.parse("2026-11-24T09:30:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), query.to());
    }

    @Test
    void anything_else_is_refused() {
        ExportRefused refused = assertThrows(ExportRefused.class,
                () -> LogFilters.query(null, null, null, "24.11.2026", null, null, null));
        assertEquals("invalid-date", refused.reason());
    }
}
