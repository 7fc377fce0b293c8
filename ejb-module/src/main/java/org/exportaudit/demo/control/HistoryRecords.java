package org.exportaudit.demo.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.exportaudit.export.control.FileAtOnce;
import org.exportaudit.export.entity.DownloadWindow;

/**
 * What the history's exports find in the demo sources: how many records each kind of export counts,
 * and the rows of the kinds whose files are still within their download window, which
 * {@link HistoryFiles} writes for real. Each source is read once, for all its kinds at a time.
 */
final class HistoryRecords {

    private final Map<DemoHistory.Kind, Long> counts = new HashMap<>();
    private final Map<DemoHistory.Kind, List<String[]>> rows = new HashMap<>();

    private HistoryRecords() {
    }

    /** Reads the sources of every kind of export {@code history} holds, as they are {@code now}. */
    static HistoryRecords read(DemoHistory history, Instant now, DownloadWindow window, FileAtOnce files) {
        HistoryRecords read = new HistoryRecords();
        Set<DemoHistory.Kind> kinds = new HashSet<>();
        Set<DemoHistory.Kind> filed = new HashSet<>();
        for (DemoHistory.PlannedExport export : history.exports()) {
            kinds.add(export.kind());
            if (export.outcome() == DemoHistory.Outcome.COMPLETED && window.isOpen(export.endedAt(), now)) {
                filed.add(export.kind());
            }
        }
        for (String source : kinds.stream().map(DemoHistory.Kind::source).distinct().toList()) {
            Map<DemoHistory.Kind, Predicate<FileAtOnce.Record>> selected = new HashMap<>();
            kinds.stream().filter(kind -> kind.source().equals(source))
                    .forEach(kind -> selected.put(kind, files.filter(source, kind.filters())));
            selected.keySet().forEach(kind -> read.counts.put(kind, 0L));
            filed.stream().filter(kind -> kind.source().equals(source))
                    .forEach(kind -> read.rows.put(kind, new ArrayList<>()));
            files.read(source, row -> selected.forEach((kind, filter) -> {
                if (filter.test(row)) {
                    read.counts.merge(kind, 1L, Long::sum);
                    List<String[]> kept = read.rows.get(kind);
                    if (kept != null) {
                        kept.add(row.values());
                    }
                }
            }));
        }
        return read;
    }

    /** How many records an export of {@code kind} counts. */
    long count(DemoHistory.Kind kind) {
        return counts.get(kind);
    }

    /** The rows an export of {@code kind} writes, if a file of it is still within its window; null if none is. */
    List<String[]> rows(DemoHistory.Kind kind) {
        return rows.get(kind);
    }
}
