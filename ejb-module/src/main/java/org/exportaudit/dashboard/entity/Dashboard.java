package org.exportaudit.dashboard.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's charts draw: the records of completed exports per day by source, the top
 * exporters of the month, and the exports of the window that were large (above the reader's own
 * threshold; null when theirs is off), cancelled or failed.
 *
 * @param sources the source keys the days count, with their labels, in the order the charts stack them
 */
public record Dashboard(DashboardWindow window, Integer threshold, Map<String, String> sources,
        List<DayVolume> days, List<TopExporter> topExporters, Long large, long cancelled, long failed)
        implements Serializable {
}
