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
     * Refuses filters no database could compare (a NUL, a date past {@link Storable#LAST_DAY}) as
     * it is asked, from the API, a page or a host: the query never reaches the database with them.
     */
    public ExportLogQuery {
        text("user", user);
        text("source", source);
        text("status", status);
        instant("from", from);
        instant("to", to);
    }

    /**
     * Where a {@code from} date begins: the start of that day where the asker is (the API's days
     * are UTC days; the pages' are the viewer's).
     */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        if (day == null || !Storable.day(day)) {
            return outside(day);
        }
        return day.atStartOfDay(zone).toInstant();
    }

    /** Where a {@code to} date ends: {@code to} includes its whole day, so the next day's start (exclusive). */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        if (day == null || !Storable.day(day)) {
            return outside(day);
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * A day beyond the days a filter may name begins and ends at an instant beyond them too, which
     * the query then refuses in words: the last representable day has no next one to end at.
     */
    private static Instant outside(LocalDate day) {
        if (day == null) {
            return null;
        }
        return day.isBefore(Storable.FIRST_DAY) ? Instant.MIN : Instant.MAX;
    }

    private static void text(String name, String value) {
        if (!Storable.text(value)) {
            throw new ExportRefused("invalid-filter", Storable.TEXT_KEY, name);
        }
    }

    private static void instant(String name, Instant value) {
        if (!Storable.instant(value)) {
            throw new ExportRefused("invalid-filter", Storable.DATE_KEY, Storable.dateArguments(name));
        }
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
