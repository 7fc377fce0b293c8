package org.exportaudit.dashboard.entity;

import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.exportaudit.client.Refusal;

/**
 * The days a dashboard covers: the last {@code days} days up to today, today included, as days of
 * the reader's time zone (UTC unless they say), and the month that today is in, for the top exporters.
 */
public record DashboardWindow(int days, ZoneId zone, LocalDate today) implements Serializable {

    public static final int DEFAULT_DAYS = 90;
    /** A leap year: a year's view back from any day. */
    public static final int MAX_DAYS = 366;
    private static final ZoneId UTC = ZoneId.of("UTC");

    public DashboardWindow {
        if (days < 1 || days > MAX_DAYS) {
            throw invalidDays();
        }
    }

    /**
     * The window of {@code days} in {@code zone} as a request gives them: absent or empty is the
     * default 90 days, in UTC.
     *
     * @throws Refusal (invalid) when days is not a whole number from 1 to 366, or zone is no IANA zone name
     */
    public static DashboardWindow of(String days, String zone, Clock clock) {
        ZoneId where = zone(zone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), where);
        if (days == null || days.isBlank()) {
            return new DashboardWindow(DEFAULT_DAYS, where, today);
        }
        if (!days.strip().matches("\\d{1,9}")) {
            throw invalidDays();
        }
        return new DashboardWindow(Integer.parseInt(days.strip()), where, today);
    }

    /**
     * Zones by their IANA names only ({@code Europe/Stockholm}, {@code UTC}): the database takes the
     * name as Java does, whereas it would read an offset such as {@code +02:00} the POSIX way, inverted.
     */
    private static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return UTC;
        }
        try {
            ZoneId zone = ZoneId.of(name.strip());
            if (!(zone instanceof ZoneOffset) && zone.getId().matches("[A-Za-z][A-Za-z0-9_/+-]*")) {
                return zone;
            }
        } catch (DateTimeException noZone) {
            // refused below
        }
        throw Refusal.invalid("invalid-zone", "dashboard.zone.invalid");
    }

    private static Refusal invalidDays() {
        return Refusal.invalid("invalid-days", "dashboard.days.invalid", MAX_DAYS);
    }

    public LocalDate from() {
        return today.minusDays(days - 1L);
    }

    public LocalDate monthFrom() {
        return today.withDayOfMonth(1);
    }

    /** Where the reader's day begins. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
