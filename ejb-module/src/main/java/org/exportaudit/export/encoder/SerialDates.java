package org.exportaudit.export.encoder;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates and timestamps as spreadsheets hold them: serial numbers of days in the 1900 date system,
 * where day 1 is 1900-01-01 and, as in Lotus 1-2-3, a 29 February 1900 that never was is day 60.
 * The text is what JDBC drivers write for DATE and TIMESTAMP values; a timestamp with an offset is
 * moved to UTC. Anything else (another format, a date before 1900 or after 9999) is not a date
 * here, and its cell stays text. The text is any CharSequence: an XLSX file reads it straight from
 * the bytes of PostgreSQL's COPY (see XlsxFile.writeCsvLine).
 */
final class SerialDates {

    /** 1899-12-30, day 0 for every date from 1900-03-01 on. */
    private static final long DAY_ZERO = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long FIRST_OF_MARCH_1900 = LocalDate.of(1900, 3, 1).toEpochDay();
    private static final long FIRST = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long LAST = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int SECONDS_A_DAY = 86_400;

    private SerialDates() {
    }

    /** The serial day of {@code yyyy-mm-dd}, or -1 if the text is no such date. */
    static long date(CharSequence text) {
        return text.length() == 10 ? day(text) : -1;
    }

    /**
     * The serial day and time of {@code yyyy-mm-dd hh:mm:ss[.fraction][Z|±hh[[:]mm]]} ({@code T}
     * between date and time too), or NaN if the text is no such timestamp.
     */
    static double timestamp(CharSequence text) {
        int length = text.length();
        if (length < 19 || text.charAt(10) != ' ' && text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return Double.NaN;
        }
        int hours = digits(text, 11, 13);
        int minutes = digits(text, 14, 16);
        int seconds = digits(text, 17, 19);
        if (hours > 23 || minutes > 59 || seconds > 59) { // also when not digits (-1)
            return Double.NaN;
        }
        int i = 19;
        long nanos = 0;
        if (i < length && text.charAt(i) == '.') {
            int from = ++i;
            while (i < length && i - from < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + text.charAt(i++) - '0';
            }
            if (i == from) {
                return Double.NaN;
            }
            for (int scale = i - from; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offset = 0;
        if (i < length) {
            offset = offsetSeconds(text, i);
            if (offset == Integer.MIN_VALUE) {
                return Double.NaN;
            }
        }
        long secondsOfDay = hours * 3600L + minutes * 60L + seconds - offset;
        long day = day(text);
        if (day < 0) {
            return Double.NaN;
        }
        day += Math.floorDiv(secondsOfDay, SECONDS_A_DAY);
        secondsOfDay = Math.floorMod(secondsOfDay, SECONDS_A_DAY);
        if (day < 1 || day > LAST - DAY_ZERO) {
            return Double.NaN; // moved to UTC, it left the years a spreadsheet holds
        }
        return day + (secondsOfDay + nanos / 1e9) / SECONDS_A_DAY;
    }

    /** The serial day of the date that starts the text, or -1. */
    private static long day(CharSequence text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return -1;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return -1;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return -1;
        }
        if (epochDay < FIRST || epochDay > LAST) {
            return -1;
        }
        // Before March 1900 the serials run one behind: the fictitious 29 February 1900 is day 60.
        return epochDay - DAY_ZERO - (epochDay < FIRST_OF_MARCH_1900 ? 1 : 0);
    }

    /** Seconds east of UTC for {@code Z}, {@code ±hh}, {@code ±hh:mm}, {@code ±hhmm}; MIN_VALUE if none. */
    private static int offsetSeconds(CharSequence text, int from) {
        int length = text.length() - from;
        char sign = text.charAt(from);
        if (sign == 'Z' && length == 1) {
            return 0;
        }
        if (sign != '+' && sign != '-' || length < 3) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, from + 1, from + 3);
        int minutes = switch (length) {
            case 3 -> 0;
            case 5 -> digits(text, from + 3, from + 5);
            case 6 -> text.charAt(from + 3) == ':' ? digits(text, from + 4, from + 6) : -1;
            default -> -1;
        };
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The decimal number from {@code from} to {@code to}, or -1 if a character is not a digit. */
    private static int digits(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
