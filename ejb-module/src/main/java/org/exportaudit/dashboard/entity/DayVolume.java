package org.exportaudit.dashboard.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/** The records of the exports completed on one day, by source key (every source of the dashboard, 0 included). */
public record DayVolume(LocalDate day, Map<String, Long> bySource) implements Serializable {

    public long total() {
        return bySource.values().stream().mapToLong(Long::longValue).sum();
    }
}
