package org.exportaudit.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every database Export Audit runs on stores and compares, asked of a value before it reaches
 * SQL or a column, so that a value no database holds is refused with our words and never answered
 * with the database's (a 500, or an export that fails with the source's SQL in its message). One
 * rule for the log's and the trail's filters (their queries ask it as they are made), an export's
 * filters, a denial's reason and a policy's message: each refuses with its own code, saying
 * {@link #TEXT_KEY} or {@link #DATE_KEY}. File names refuse every control character themselves
 * (ExportFileName), NUL among them.
 */
public final class Storable {

    /**
     * The first and the last day a filter may name: SQL's DATE and TIMESTAMP hold years 1 to 9999,
     * and an exclusive end ({@code to} includes its day) must still be one of them, so the last day
     * is the one before 9999-12-31.
     */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    /** Text holding a character no database stores: PostgreSQL's text refuses U+0000. Arguments: what holds it. */
    public static final String TEXT_KEY = "text.unstorable";

    /** A date outside {@link #FIRST_DAY} to {@link #LAST_DAY}. Arguments: what, the first day, the last day. */
    public static final String DATE_KEY = "date.out-of-range";

    /*
     * The instants of those days anywhere on earth: a page reads a day in its viewer's zone, so its
     * first day may begin before FIRST_DAY's UTC start and its last day end after LAST_DAY's; both
     * bounds still lie well inside what H2 and PostgreSQL hold.
     */
    private static final Instant EARLIEST = FIRST_DAY.atStartOfDay(ZoneOffset.MAX).toInstant();
    private static final Instant LATEST = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.MIN).toInstant();

    private static final char NUL = '\u0000';

    private Storable() {
    }

    /** Whether a database stores and compares {@code text}; null (no text) is. */
    public static boolean text(String text) {
        return text == null || text.indexOf(NUL) < 0;
    }

    /** Whether {@code day} lies from {@link #FIRST_DAY} to {@link #LAST_DAY}; null (no day) does. */
    public static boolean day(LocalDate day) {
        return day == null || !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /** Whether the day of {@code time} does, as {@link #day}. */
    public static boolean time(LocalDateTime time) {
        return time == null || day(time.toLocalDate());
    }

    /** Whether {@code instant} lies within those days, in any zone; null (no instant) does. */
    public static boolean instant(Instant instant) {
        return instant == null || !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * Whether a typed value (an export's filter) is held: text as {@link #text}, a date or a date and
     * time as {@link #day}, one with an offset as {@link #instant}; a number is its column's to judge.
     */
    public static boolean value(Object value) {
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof LocalDate day) {
            return day(day);
        }
        if (value instanceof LocalDateTime time) {
            return time(time);
        }
        if (value instanceof OffsetDateTime time) {
            return instant(time.toInstant());
        }
        return !(value instanceof Instant instant) || instant(instant);
    }

    /** The arguments of {@link #DATE_KEY} for the date named {@code what}. */
    public static String[] dateArguments(String what) {
        return new String[] {what, FIRST_DAY.toString(), LAST_DAY.toString()};
    }
}
