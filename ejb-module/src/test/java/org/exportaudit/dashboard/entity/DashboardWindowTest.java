package org.exportaudit.dashboard.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardWindowTest {

    /** Just before midnight UTC: in Stockholm it is already the 1st of December. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void ninetyDaysByDefaultEndingTodayInUtc() {
        DashboardWindow window = DashboardWindow.of(null, null, clock);
        assertEquals(90, window.days());
        assertEquals(LocalDate.of(2026, 11, 30), window.today());
        assertEquals(LocalDate.of(2026, 9, 2), window.from());
        assertEquals(LocalDate.of(2026, 11, 1), window.monthFrom());
        assertEquals(90, DashboardWindow.of("", "", clock).days());
    }

    @Test
    void oneDayIsToday() {
        DashboardWindow window = DashboardWindow.of("1", "UTC", clock);
        assertEquals(window.today(), window.from());
    }

    @Test
    void aYearAndADayAtMost() {
        assertEquals(LocalDate.of(2025, 11, 30), DashboardWindow.of("366", null, clock).from());
    }

    @Test
    void daysAreTheReadersWhereTheyAre() {
        DashboardWindow stockholm = DashboardWindow.of("1", "Europe/Stockholm", clock);
        assertEquals(LocalDate.of(2026, 12, 1), stockholm.today());
        assertEquals(LocalDate.of(2026, 12, 1), stockholm.monthFrom());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), stockholm.startOf(stockholm.from()));
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), DashboardWindow.of("1", null, clock).startOf(LocalDate.of(2026, 11, 30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "Z", "Mars/Olympus", "Europe/Stockholm'; --", "GMT+2"})
    void refusesAnythingButAZoneName(String zone) {
        Refused.as(Refusal.Kind.INVALID, "invalid-zone", () -> DashboardWindow.of("7", zone, clock));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "367", "-1", "abc", "1.5", "9999999999", "1e2"})
    void refusesAnythingButOneTo366(String days) {
        Refusal refused = Refused.as(Refusal.Kind.INVALID, "invalid-days", () -> DashboardWindow.of(days, null, clock));
        assertEquals("days must be a whole number from 1 to 366.", refused.getMessage());
    }
}
