package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.export.entity.ExportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportFileNameTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void defaults_to_the_source_and_the_date() {
        assertEquals("contacts-2026-11-24.csv", ExportFileName.of(null, ExportFormat.CSV, "contacts", TODAY));
        assertEquals("deals-2026-11-24.xlsx", ExportFileName.of("  ", ExportFormat.XLSX, "deals", TODAY));
    }

    @Test
    void the_pages_offer_the_same_default_without_its_extension() {
        assertEquals("contacts-2026-11-24", ExportFileName.byDefault("contacts", TODAY));
    }

    @Test
    void keeps_accents_and_spaces_and_adds_the_extension() {
        assertEquals("Kontakte Österreich.xlsx", ExportFileName.of(" Kontakte Österreich ", ExportFormat.XLSX, "contacts", TODAY));
        assertEquals("q3 (final).CSV", ExportFileName.of("q3 (final).CSV", ExportFormat.CSV, "contacts", TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a/b.csv", "a\\b.csv", ".hidden", "-rf", "con:1", "what?.csv",
        "tab\there", "report.xlsx"})
    void refuses_unsafe_or_misleading_names(String name) {
        ExportRefused refused = assertThrows(ExportRefused.class,
                () -> ExportFileName.of(name, ExportFormat.CSV, "contacts", TODAY));
        assertEquals("invalid-file-name", refused.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "nul.txt", "NUL.csv", "Prn", "aux.tar.gz", "COM1", "com9.csv", "lpt9.csv",
        "LPT1", "com\u00b9", "nul .csv"})
    void refuses_the_names_of_windows_devices_in_any_case_with_any_extension(String name) {
        ExportRefused refused = assertThrows(ExportRefused.class,
                () -> ExportFileName.of(name, ExportFormat.CSV, "contacts", TODAY));
        assertEquals("invalid-file-name", refused.reason());
        assertEquals("invalid-file-name.device", refused.key());
    }

    @Test
    void names_that_only_begin_as_a_device_are_names() {
        assertEquals("console.csv", ExportFileName.of("console", ExportFormat.CSV, "contacts", TODAY));
        assertEquals("com10.csv", ExportFileName.of("com10.csv", ExportFormat.CSV, "contacts", TODAY));
        assertEquals("my nul.csv", ExportFileName.of("my nul", ExportFormat.CSV, "contacts", TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Egpj.exe", "report\u200B", "a\u2066b", "\uFEFFreport", "nul\u0000.csv"})
    void refuses_format_and_control_characters_and_does_not_quote_them_back(String name) {
        ExportRefused refused = assertThrows(ExportRefused.class,
                () -> ExportFileName.of(name, ExportFormat.CSV, "contacts", TODAY));
        assertEquals("invalid-file-name", refused.reason());
        assertTrue(refused.getMessage().chars().noneMatch(c -> Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL), refused.getMessage());
    }

    @Test
    void refuses_overlong_names() {
        assertThrows(ExportRefused.class, () -> ExportFileName.of("x".repeat(200), ExportFormat.CSV, "contacts", TODAY));
        ExportRefused huge = assertThrows(ExportRefused.class,
                () -> ExportFileName.of("<" + "x".repeat(8_000), ExportFormat.CSV, "contacts", TODAY));
        assertTrue(huge.getMessage().length() < 200, "the message does not quote 8,000 characters back");
        assertTrue(ExportFileName.LONGEST <= org.exportaudit.export.entity.Export.FILE_NAME_LENGTH, "fits the column");
    }
}
