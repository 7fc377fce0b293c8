package org.exportaudit.export.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.exportaudit.client.ExportRefused;

/**
 * An equality filter on one declared column, its value read as the column's type: a number, a
 * date or a time is bound as one, so the column stays bare in the SQL and an index on it serves
 * the filter. A value that does not read as its column's type is refused before anything exists.
 */
public record Filter(Column column, Object value) {

    /** A plain decimal, as a number column exports it: an optional minus, digits, an optional fraction. */
    /** The most digits a number filter may have: DECIMAL's greatest precision in most databases. */
    static final int MOST_DIGITS = 38;

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** {@code yyyy-mm-dd hh:mm[:ss[.fff]]}, a {@code T} allowed for the space, an optional offset ({@code Z}, {@code +01:00}). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    /** The filter on {@code column} with the value a caller wrote, read as the column's type. */
    public static Filter of(Column column, String text) {
        return new Filter(column, switch (column.type()) {
            case TEXT -> text;
            case NUMBER -> number(column, text);
            case DATE -> date(column, text);
            case TIMESTAMP -> timestamp(column, text);
        });
    }

    /**
     * The SQL condition, the parameter written as {@code parameter}. Text compares the column's value
     * as text, whatever the column's SQL type, as it always did: a code or a number declared as text
     * matches as it is exported, and no database refuses to compare it with a text parameter.
     */
    public String condition(String parameter) {
        if (value instanceof String) {
            return "CAST(" + column.name() + " AS VARCHAR(4000)) = " + parameter;
        }
        return column.name() + " = " + parameter;
    }

    /**
     * The SQL type of the value, for a parameter that arrives as text (a setting read by
     * PostgreSQL's COPY): a whole number is a BIGINT, which compares with any integer column through
     * its index (a NUMERIC would turn an integer column into numbers first, and lose the index).
     */
    public String sqlType() {
        if (value instanceof Long) {
            return "BIGINT";
        }
        if (value instanceof BigDecimal) {
            return "NUMERIC";
        }
        if (value instanceof LocalDate) {
            return "DATE";
        }
        if (value instanceof LocalDateTime) {
            return "TIMESTAMP";
        }
        if (value instanceof OffsetDateTime) {
            return "TIMESTAMP WITH TIME ZONE";
        }
        return "VARCHAR(4000)";
    }

    /** The value as text that SQL reads back as {@link #sqlType()}. */
    public String text() {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** Binds the value, as its type, to the statement's parameter {@code index}. */
    public void bind(PreparedStatement statement, int index) throws SQLException {
        statement.setObject(index, value);
    }

    /**
     * A whole number as a long where it fits (7.0 is 7), else the decimal as it is. A declaration
     * says "number", not the column's SQL type, and a database refuses a parameter its column's type
     * cannot hold (a failed export that shows the source's SQL), so a number must fit the widest
     * type such a column commonly has: its whole part a BIGINT, at most {@link #MOST_DIGITS} digits
     * in all, DECIMAL's usual greatest precision.
     */
    private static Object number(Column column, String text) {
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            throw refused(column, "filter.invalid.number");
        }
        BigDecimal number = new BigDecimal(text);
        BigDecimal whole = number.setScale(0, RoundingMode.DOWN);
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || number.stripTrailingZeros().precision() > MOST_DIGITS) {
            throw new ExportRefused("invalid-filter", "filter.number.out-of-range", column.name(),
                    Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE), MOST_DIGITS);
        }
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException fraction) {
            return number;
        }
    }

    private static LocalDate date(Column column, String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw refused(column, "filter.invalid.date");
        }
    }


    private static Object timestamp(Column column, String text) {
        try {
            boolean spaced = text.length() > 10 && text.charAt(10) == ' ';
            TemporalAccessor read = TIMESTAMP.parse(spaced ? text.substring(0, 10) + 'T' + text.substring(11) : text);
            LocalDateTime local = LocalDateTime.from(read);
            return read.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(read) : local;
        } catch (DateTimeParseException e) {
            throw refused(column, "filter.invalid.timestamp");
        }
    }

    /** {@code key} says what the value must be: {@code filter.invalid.number}, … */
    private static ExportRefused refused(Column column, String key) {
        return new ExportRefused("invalid-filter", key, column.name());
    }
}
