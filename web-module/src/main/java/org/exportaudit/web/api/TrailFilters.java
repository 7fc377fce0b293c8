package org.exportaudit.web.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.Refusal;

/**
 * The audit trail's query parameters as typed, as the export log takes its own (LogFilters): dates
 * as {@code 2026-11-24} (whole UTC days; {@code to} includes its day) or instants as
 * {@code 2026-11-24T09:30:00Z} ({@code from} inclusive, {@code to} exclusive), the export as its id;
 * anything else is a clear 400. The boundary checks the rest: the kind, the range, the cursor.
 */
final class TrailFilters {

    private TrailFilters() {
    }

    static AuditQuery query(String kind, String user, String export, String from, String to, String limit,
            String cursor) {
        return new AuditQuery(kind, user, exportId(export), instant("from", from, false), instant("to", to, true),
                limit(limit), cursor);
    }

    private static Long exportId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("[0-9]{1,18}") || Long.parseLong(text.strip()) == 0) {
            throw Refusal.invalid("invalid-export", "audit.export.invalid");
        }
        return Long.valueOf(text.strip());
    }

    private static Instant instant(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.strip().length() == 10) {
                LocalDate day = LocalDate.parse(text.strip());
                return endOfDay ? ExportLogQuery.endOf(day, ZoneOffset.UTC) : ExportLogQuery.startOf(day, ZoneOffset.UTC);
            }
            return Instant.parse(text.strip());
        } catch (DateTimeException malformed) {
            throw Refusal.invalid("invalid-date", "date.invalid", name);
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.strip().matches("[0-9]{1,4}") || Integer.parseInt(text.strip()) == 0) {
            throw Refusal.invalid("invalid-limit", "limit.out-of-range", AuditQuery.MAX_LIMIT);
        }
        return Integer.parseInt(text.strip());
    }
}
