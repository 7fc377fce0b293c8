package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.Storable;
import org.junit.jupiter.api.Test;

class FilterTest {

    private static final Column TEXT = new Column("country", "Country");
    private static final Column NUMBER = new Column("lead_score", "Lead score", Column.Type.NUMBER);
    private static final Column DATE = new Column("created_on", "Created on", Column.Type.DATE);
    private static final Column TIMESTAMP = new Column("signed_at", "Signed at", Column.Type.TIMESTAMP);

    @Test
    void a_whole_number_is_a_long_and_compares_as_a_bigint() {
        for (String written : List.of("42", "42.0", "42.000", "0042")) {
            Filter filter = Filter.of(NUMBER, written);

            assertEquals(42L, filter.value(), written);
            assertEquals("BIGINT", filter.sqlType());
            assertEquals("42", filter.text());
        }
        assertEquals(-7L, Filter.of(NUMBER, "-7").value());
        assertEquals(Long.MIN_VALUE, Filter.of(NUMBER, "-9223372036854775808").value());
    }

    @Test
    void a_fraction_is_a_decimal() {
        Filter fraction = Filter.of(NUMBER, "-3.50");
        Filter wide = Filter.of(NUMBER, "9223372036854775807.5");

        assertEquals(new BigDecimal("-3.50"), fraction.value());
        assertEquals("NUMERIC", fraction.sqlType());
        assertEquals("-3.50", fraction.text());
        assertEquals(new BigDecimal("9223372036854775807.5"), wide.value());
        assertEquals("9223372036854775807.5", wide.text());
    }

    @Test
    void a_number_no_numeric_column_holds_is_refused_before_the_database_sees_it() {
        for (String huge : List.of("9223372036854775808", "-9223372036854775809", "1".repeat(41),
                "12345678901234567890123.5", "1." + "0".repeat(40) + "1")) {
            ExportRefused refused = assertThrows(ExportRefused.class, () -> Filter.of(NUMBER, huge), huge);

            assertEquals("invalid-filter", refused.reason());
            assertEquals("filter.number.out-of-range", refused.key());
            assertTrue(refused.getMessage().contains("'lead_score'")
                    && refused.getMessage().contains("9223372036854775807"), refused.getMessage());
        }
        assertEquals(new BigDecimal("1." + "0".repeat(36) + "1"), Filter.of(NUMBER, "1." + "0".repeat(36) + "1").value());
    }

    @Test
    void a_date_a_time_or_a_text_no_database_holds_is_read_and_then_not_held() {
        List<Object[]> beyond = List.of(
                new Object[] {DATE, "+10000-01-01"},
                new Object[] {DATE, "9999-12-31"},
                new Object[] {DATE, "0000-01-01"},
                new Object[] {DATE, "-999999999-01-01"},
                new Object[] {TIMESTAMP, "+10000-01-01T00:00:00"},
                new Object[] {TIMESTAMP, "9999-12-31T23:00:00"},
                new Object[] {TIMESTAMP, "+999999999-12-31T23:59:59Z"},
                new Object[] {TIMESTAMP, "-0001-12-31T23:59:59+01:00"},
                new Object[] {TEXT, "Austria\u0000"});
        for (Object[] value : beyond) {
            assertFalse(Storable.value(Filter.of((Column) value[0], (String) value[1]).value()), (String) value[1]);
        }
        for (String held : List.of("9999-12-30", "0001-01-01", "2024-02-29")) {
            assertTrue(Storable.value(Filter.of(DATE, held).value()), held);
        }
        assertTrue(Storable.value(Filter.of(TIMESTAMP, "9999-12-30T23:59:59+14:00").value()));
        assertTrue(Storable.value(Filter.of(TEXT, "Österreich").value()));
        assertTrue(Storable.value(Filter.of(NUMBER, "42").value()));
    }

    @Test
    void a_number_column_compares_the_bare_column_so_that_its_index_serves() {
        assertEquals("lead_score = ?", Filter.of(NUMBER, "42").condition("?"));
        assertEquals("created_on = ?", Filter.of(DATE, "2024-03-01").condition("?"));
    }

    @Test
    void a_text_column_compares_as_text_as_it_always_did() {
        Filter filter = Filter.of(TEXT, "Austria'; DROP TABLE x --");

        assertEquals("Austria'; DROP TABLE x --", filter.value());
        assertEquals("CAST(country AS VARCHAR(4000)) = ?", filter.condition("?"));
        assertEquals("Austria'; DROP TABLE x --", filter.text());
    }

    @Test
    void a_date_is_a_local_date() {
        Filter filter = Filter.of(DATE, "2024-02-29");

        assertEquals(LocalDate.of(2024, 2, 29), filter.value());
        assertEquals("DATE", filter.sqlType());
        assertEquals("2024-02-29", filter.text());
    }

    @Test
    void a_timestamp_is_local_unless_it_has_an_offset() {
        assertEquals(LocalDateTime.of(2024, 3, 1, 9, 30), Filter.of(TIMESTAMP, "2024-03-01 09:30:00").value());
        assertEquals(LocalDateTime.of(2024, 3, 1, 9, 30), Filter.of(TIMESTAMP, "2024-03-01T09:30").value());
        assertEquals(LocalDateTime.of(2024, 3, 1, 9, 30, 5, 123_000_000),
                Filter.of(TIMESTAMP, "2024-03-01 09:30:05.123").value());
        assertEquals("TIMESTAMP", Filter.of(TIMESTAMP, "2024-03-01 09:30:00").sqlType());

        Filter utc = Filter.of(TIMESTAMP, "2024-03-01 09:30:00Z");
        Filter vienna = Filter.of(TIMESTAMP, "2024-03-01T09:30:00+01:00");
        assertEquals(OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC), utc.value());
        assertEquals(OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(1)), vienna.value());
        assertEquals("TIMESTAMP WITH TIME ZONE", vienna.sqlType());
        assertEquals("2024-03-01T09:30+01:00", vienna.text());
    }

    @Test
    void a_value_not_of_its_columns_type_is_refused_naming_the_column_and_the_form_expected() {
        List<Object[]> refusals = List.of(
                new Object[] {NUMBER, "abc", "'lead_score'", "a number"},
                new Object[] {NUMBER, "", "'lead_score'", "a number"},
                new Object[] {NUMBER, "1e5", "'lead_score'", "a number"},
                new Object[] {NUMBER, "+5", "'lead_score'", "a number"},
                new Object[] {NUMBER, "4 2", "'lead_score'", "a number"},
                new Object[] {NUMBER, "42.", "'lead_score'", "a number"},
                new Object[] {NUMBER, "NaN", "'lead_score'", "a number"},
                new Object[] {DATE, "2024-13-01", "'created_on'", "yyyy-mm-dd"},
                new Object[] {DATE, "2023-02-29", "'created_on'", "yyyy-mm-dd"},
                new Object[] {DATE, "01.03.2024", "'created_on'", "yyyy-mm-dd"},
                new Object[] {DATE, "2024-03-01 09:30:00", "'created_on'", "yyyy-mm-dd"},
                new Object[] {TIMESTAMP, "2024-03-01", "'signed_at'", "yyyy-mm-dd hh:mm:ss"},
                new Object[] {TIMESTAMP, "2024-03-01 25:00:00", "'signed_at'", "yyyy-mm-dd hh:mm:ss"},
                new Object[] {TIMESTAMP, "2024-03-0109:30", "'signed_at'", "yyyy-mm-dd hh:mm:ss"},
                new Object[] {TIMESTAMP, "yesterday", "'signed_at'", "yyyy-mm-dd hh:mm:ss"});
        for (Object[] refusal : refusals) {
            ExportRefused refused = assertThrows(ExportRefused.class,
                    () -> Filter.of((Column) refusal[0], (String) refusal[1]), (String) refusal[1]);

            assertEquals("invalid-filter", refused.reason());
            assertTrue(refused.getMessage().contains((String) refusal[2])
                    && refused.getMessage().contains((String) refusal[3]), refused.getMessage());
        }
    }
}
