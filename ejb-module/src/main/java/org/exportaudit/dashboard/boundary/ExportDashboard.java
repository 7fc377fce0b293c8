package org.exportaudit.dashboard.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.dashboard.control.ExportVolumes;
import org.exportaudit.dashboard.entity.Dashboard;
import org.exportaudit.dashboard.entity.DashboardWindow;
import org.exportaudit.dashboard.entity.DayVolume;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.notification.boundary.LargeExportThresholds;

/**
 * The super admins' dashboard, read from the export log: records exported per day by source, the
 * month's top exporters, and the window's large (by the reader's own threshold), cancelled and
 * failed exports.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class ExportDashboard {

    @Inject
    Clock clock;

    @Inject
    ExportVolumes volumes;

    @Inject
    SourceCatalog catalog;

    @Inject
    LargeExportThresholds thresholds;

    /**
     * The dashboard of the last {@code days} days (absent: 90), as days of {@code zone} (an IANA
     * name; absent: UTC).
     *
     * @throws Refusal (invalid) when days is not a whole number from 1 to 366 or zone is no zone; nothing is read
     */
    public Dashboard of(String days, String zone) {
        DashboardWindow window = DashboardWindow.of(days, zone, clock);
        OptionalInt threshold = thresholds.ofCaller();
        List<ExportVolumes.Volume> rows = volumes.since(window.startOf(window.from()), window.zone(),
                threshold.isPresent() ? threshold.getAsInt() : Long.MAX_VALUE);

        Map<String, String> sources = new LinkedHashMap<>();
        catalog.all().forEach(source -> sources.put(source.key(), source.label()));
        Map<LocalDate, Map<String, Long>> completed = new HashMap<>();
        long large = 0;
        long cancelled = 0;
        long failed = 0;
        for (ExportVolumes.Volume row : rows) {
            large += row.large();
            if (ExportStatus.COMPLETED.name().equals(row.status())) {
                sources.putIfAbsent(row.source(), catalog.labelOf(row.source())); // a source no longer declared
                completed.computeIfAbsent(row.day(), day -> new HashMap<>()).merge(row.source(), row.records(), Long::sum);
            } else if (ExportStatus.CANCELLED.name().equals(row.status())) {
                cancelled += row.exports();
            } else if (ExportStatus.FAILED.name().equals(row.status())) {
                failed += row.exports();
            }
        }
        // Every day of the window, a day without exports too: the chart's axis is the calendar
        List<DayVolume> series = new ArrayList<>(window.days());
        for (LocalDate day = window.from(); !day.isAfter(window.today()); day = day.plusDays(1)) {
            Map<String, Long> bySource = new LinkedHashMap<>();
            Map<String, Long> ofDay = completed.getOrDefault(day, Map.of());
            sources.keySet().forEach(source -> bySource.put(source, ofDay.getOrDefault(source, 0L)));
            series.add(new DayVolume(day, bySource));
        }
        return new Dashboard(window, threshold.isPresent() ? threshold.getAsInt() : null, sources, series,
                volumes.topExporters(window.startOf(window.monthFrom())), threshold.isPresent() ? large : null, cancelled, failed);
    }
}
