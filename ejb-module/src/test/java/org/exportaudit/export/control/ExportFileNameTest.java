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

    @Test
    void refuses_overlong_names() {
        assertThrows(ExportRefused.class, () -> ExportFileName.of("x".repeat(200), ExportFormat.CSV, "contacts", TODAY));
        ExportRefused huge = assertThrows(ExportRefused.class,
                () -> ExportFileName.of("<" + "x".repeat(8_000), ExportFormat.CSV, "contacts", TODAY));
        assertTrue(huge.getMessage().length() < 200, "the message does not quote 8,000 characters back");
        assertTrue(ExportFileName.LONGEST <= org.exportaudit.export.entity.Export.FILE_NAME_LENGTH, "fits the column");
    }
}
