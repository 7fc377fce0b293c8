package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.exportaudit.audit.view.AuditQuery;
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

    @Test
    void a_date_no_database_holds_is_refused_naming_the_days_it_may_be() {
        for (Instant beyond : new Instant[] {Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-1000000000-01-01T00:00:00Z"), ExportLogQuery.endOf(LocalDate.of(9999, 12, 31), ZoneOffset.UTC),
                ExportLogQuery.endOf(LocalDate.MAX, STOCKHOLM), ExportLogQuery.startOf(LocalDate.MIN, STOCKHOLM)}) {
            ExportRefused refused = assertThrows(ExportRefused.class,
                    () -> new ExportLogQuery(null, null, null, beyond, null, 0, null), beyond::toString);
            assertEquals("invalid-filter", refused.reason());
            assertEquals("'from' must be a date from 0001-01-01 to 9999-12-30.", refused.getMessage());

            Refusal trail = Refused.as(Refusal.Kind.INVALID, "invalid-filter",
                    () -> new AuditQuery(null, null, null, null, beyond, 0, null));
            assertEquals("'to' must be a date from 0001-01-01 to 9999-12-30.", trail.getMessage());
        }
    }

    @Test
    void the_first_and_the_last_day_are_taken_in_every_zone() {
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneOffset.MAX, ZoneOffset.MIN, STOCKHOLM}) {
            Instant from = ExportLogQuery.startOf(Storable.FIRST_DAY, zone);
            Instant to = ExportLogQuery.endOf(Storable.LAST_DAY, zone);

            assertEquals(to, new ExportLogQuery(null, null, null, from, to, 0, null).to());
            assertEquals(from, new AuditQuery(null, null, null, from, to, 0, null).from());
        }
    }

    @Test
    void a_text_no_database_stores_is_refused_naming_the_filter() {
        ExportRefused source = assertThrows(ExportRefused.class,
                () -> new ExportLogQuery(null, "\u0000", null, null, null, 0, null));
        assertEquals("invalid-filter", source.reason());
        assertEquals("'source' holds a character that cannot be stored: U+0000 (NUL).", source.getMessage());
        assertThrows(ExportRefused.class, () -> new ExportLogQuery("bob\u0000", null, null, null, null, 0, null));
        assertThrows(ExportRefused.class, () -> new ExportLogQuery(null, null, "FAILED\u0000", null, null, 0, null));

        Refused.as(Refusal.Kind.INVALID, "invalid-filter",
                () -> new AuditQuery("\u0000", null, null, null, null, 0, null));
        Refused.as(Refusal.Kind.INVALID, "invalid-filter",
                () -> new AuditQuery(null, "a\u0000b", null, null, null, 0, null));
    }
}
