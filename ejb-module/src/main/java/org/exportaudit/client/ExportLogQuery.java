package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One page of the export log, newest first: optional filters (user, source key, status, requested
 * from inclusive, to exclusive), how many rows (1 to 200), and the cursor that the previous page
 * returned as {@code next}, or null for the first page.
 */
public record ExportLogQuery(String user, String source, String status, Instant from, Instant to, int limit,
        String cursor) implements Serializable {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Where a {@code from} date begins: the start of that day where the asker is (the API's days
     * are UTC days; the pages' are the viewer's).
     */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** Where a {@code to} date ends: {@code to} includes its whole day, so the next day's start (exclusive). */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The first page of everything the caller may see. */
    public static ExportLogQuery newest(int limit) {
        return new ExportLogQuery(null, null, null, null, null, limit, null);
    }

    /** The same filters, the page after the one that returned {@code next}. */
    public ExportLogQuery after(String next) {
        return new ExportLogQuery(user, source, status, from, to, limit, next);
    }
}
