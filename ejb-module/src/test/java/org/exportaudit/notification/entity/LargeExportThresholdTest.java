package org.exportaudit.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalInt;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LargeExportThresholdTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"1", "275000", "5000", " 1000 ", "007"})
    void acceptsWholeNumbersFromOneTo275000(String typed) {
        assertEquals(OptionalInt.of(Integer.parseInt(typed.strip())), LargeExportThreshold.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyTurnsNotificationsOff(String typed) {
        assertEquals(OptionalInt.empty(), LargeExportThreshold.parse(typed));
        assertEquals(OptionalInt.empty(), LargeExportThreshold.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "275001", "1000000", "1.5", "1000.0", "1e3", "+5", "abc", "5 000",
        "99999999999999999999999999999999999999"})
    void refusesAnythingElseNamingTheRange(String typed) {
        Refusal refused = Refused.as(Refusal.Kind.INVALID, "invalid-threshold", () -> LargeExportThreshold.parse(typed));
        assertTrue(refused.getMessage().contains("from 1 to 275,000"), refused.getMessage());
    }

    @Test
    void refusesAbsurdlyLongInput() {
        Refused.as(Refusal.Kind.INVALID, "invalid-threshold", () -> LargeExportThreshold.parse("9".repeat(1_000_000)));
    }

    @Test
    void isExceededOnlyByMoreRecordsThanTheThreshold() {
        LargeExportThreshold threshold = new LargeExportThreshold("alice", 1000, "alice@example.com", NOW);
        assertFalse(threshold.isExceededBy(999));
        assertFalse(threshold.isExceededBy(1000));
        assertTrue(threshold.isExceededBy(1001));
    }

    @Test
    void aChangeOutOfRangeKeepsTheOldValue() {
        LargeExportThreshold threshold = new LargeExportThreshold("alice", 1000, "alice@example.com", NOW);
        Refused.as(Refusal.Kind.INVALID, "invalid-threshold",
                () -> threshold.change(0, "alice@example.com", NOW.plusSeconds(60)));
        assertEquals(1000, threshold.records());
        assertEquals(NOW, threshold.changedAt());
    }
}
