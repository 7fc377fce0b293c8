package org.exportaudit.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Refused;
import org.junit.jupiter.api.Test;

/** What the trail's query refuses before it reads anything, and the cursor's round trip. */
class TrailPagesTest {

    private static final Instant DAY = Instant.parse("2026-11-30T00:00:00Z");

    private static String refusal(AuditQuery query) {
        return Refused.as(Refusal.Kind.INVALID, () -> new TrailPages().check(query)).code();
    }

    @Test
    void refuses_what_it_cannot_run_with_a_reason() {
        assertEquals("invalid-kind", refusal(new AuditQuery("EXPORT_EXPLODED", null, null, null, null, 0, null)));
        assertEquals("invalid-export", refusal(new AuditQuery(null, null, 0L, null, null, 0, null)));
        assertEquals("invalid-date-range", refusal(new AuditQuery(null, null, null, DAY, DAY, 0, null)));
        assertEquals("invalid-limit", refusal(new AuditQuery(null, null, null, null, null, 501, null)));
        assertEquals("invalid-limit", refusal(new AuditQuery(null, null, null, null, null, -1, null)));
        assertEquals("invalid-cursor", refusal(AuditQuery.newest(10).after("not a cursor")));
        assertEquals("invalid-cursor", refusal(AuditQuery.newest(10).after("c2VxOi0x"))); // "seq:-1"
        assertEquals("filter-too-long", refusal(new AuditQuery(null, "x".repeat(256), null, null, null, 0, null)));
    }

    @Test
    void takes_kinds_in_any_case_the_largest_limit_and_the_cursors_it_makes() {
        TrailPages pages = new TrailPages();
        pages.check(new AuditQuery("export_requested", "bob", 7L, DAY, DAY.plusSeconds(1), AuditQuery.MAX_LIMIT, null));
        String cursor = new TrailCursor(1_000_000).encode();
        pages.check(AuditQuery.newest(1).after(cursor));
        assertEquals(1_000_000, TrailCursor.decode(cursor).seq());
    }

    @Test
    void a_download_records_only_the_filters_it_had() {
        assertEquals("{\"kind\":\"EXPORT_REQUESTED\",\"exportId\":7,\"to\":\"2026-11-30T00:00:00Z\"}",
                TrailPages.filters(new AuditQuery("export_requested", " ", 7L, null, DAY, 0, null)).build().toString());
    }
}
