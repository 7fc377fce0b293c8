package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.client.Refusal;
import org.junit.jupiter.api.Test;

class TrailFiltersTest {

    @Test
    void days_are_whole_utc_days_and_to_includes_its_day_instants_are_taken_as_given() {
        AuditQuery days = TrailFilters.query("FILE_DOWNLOADED", "bob", "42", "2026-11-24", "2026-11-24", "500", "c");
        AuditQuery instants = TrailFilters.query(null, null, null, "2026-11-24T09:30:00Z", "2026-11-24T10:00:00Z",
                null, null);

        assertEquals(new AuditQuery("FILE_DOWNLOADED", "bob", 42L, Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"), 500, "c"), days);
        assertEquals(new AuditQuery(null, null, null, Instant.parse("2026-11-24T09:30:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"), 0, null), instants);
    }

    @Test
    void what_is_no_date_export_or_limit_is_refused_with_its_reason() {
        assertEquals("invalid-date", refusal(() -> TrailFilters.query(null, null, null, "24.11.2026", null, null, null)));
        assertEquals("invalid-date", refusal(() -> TrailFilters.query(null, null, null, null, "2026-11-24T10:00", null, null)));
        assertEquals("invalid-export", refusal(() -> TrailFilters.query(null, null, "4x", null, null, null, null)));
        assertEquals("invalid-export", refusal(() -> TrailFilters.query(null, null, "0", null, null, null, null)));
        assertEquals("invalid-limit", refusal(() -> TrailFilters.query(null, null, null, null, null, "0", null)));
        assertEquals("invalid-limit", refusal(() -> TrailFilters.query(null, null, null, null, null, "1e3", null)));
    }

    private static String refusal(org.junit.jupiter.api.function.Executable query) {
        Refusal refused = assertThrows(Refusal.class, query);
        assertEquals(Refusal.Kind.INVALID, refused.kind());
        return refused.code();
    }
}
