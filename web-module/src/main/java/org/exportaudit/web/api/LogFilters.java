package org.exportaudit.web.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportRefused;

/**
 * The export log's query parameters as typed: dates as {@code 2026-11-24} (whole days, UTC;
 * {@code to} includes its day) or instants as {@code 2026-11-24T09:30:00Z}; anything else is a
 * clear 400.
 */
final class LogFilters {

    private LogFilters() {
    }

    static ExportLogQuery query(String user, String source, String status, String from, String to, String limit,
            String cursor) {
        return new ExportLogQuery(user, source, status, instant("from", from, false), instant("to", to, true),
                limit(limit), cursor);
    }

    private static Instant instant(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? ExportLogQuery.endOf(day, ZoneOffset.UTC) : ExportLogQuery.startOf(day, ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeException malformed) {
            throw new ExportRefused("invalid-date", "date.invalid", name);
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.strip().matches("[0-9]{1,4}") || Integer.parseInt(text.strip()) == 0) {
            throw new ExportRefused("invalid-limit", "limit.out-of-range", ExportLogQuery.MAX_LIMIT);
        }
        return Integer.parseInt(text.strip());
    }
}
