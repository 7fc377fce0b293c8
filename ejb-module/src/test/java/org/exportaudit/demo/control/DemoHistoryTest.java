package org.exportaudit.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.exportaudit.demo.control.DemoHistory.Outcome;
import org.exportaudit.demo.control.DemoHistory.PlannedExport;
import org.exportaudit.export.entity.ExportFormat;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T20:30:00.123456Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private final DemoHistory history = new DemoHistory(20_261_124L, NOW, WINDOW);
    private final List<PlannedExport> exports = history.exports();

    @Test
    void spans_some_60_days_of_every_demo_user_and_source_in_both_formats() {
        assertTrue(exports.size() >= 60 && exports.size() <= 150, exports.size() + " exports");
        Instant first = exports.get(0).requestedAt();
        assertTrue(first.isAfter(NOW.minus(Duration.ofDays(60))) && first.isBefore(NOW.minus(Duration.ofDays(57))),
                "starts " + first);
        assertEquals(Set.of("bob", "erin", "alice", "sam", "stina"),
                exports.stream().map(PlannedExport::user).collect(Collectors.toSet()));
        assertEquals(Set.of("contacts", "companies", "deals"),
                exports.stream().map(export -> export.kind().source()).collect(Collectors.toSet()));
        assertEquals(Set.of(ExportFormat.CSV, ExportFormat.XLSX),
                exports.stream().map(PlannedExport::format).collect(Collectors.toSet()));
        assertTrue(exports.stream().allMatch(export -> export.requestedAt().isBefore(NOW)));
    }

    @Test
    void has_one_cancelled_one_failed_one_denied_and_one_awaiting_approval_recent_enough_not_to_expire() {
        Map<Outcome, Long> outcomes = exports.stream().collect(Collectors.groupingBy(PlannedExport::outcome,
                Collectors.counting()));
        assertEquals(1, outcomes.get(Outcome.CANCELLED));
        assertEquals(1, outcomes.get(Outcome.FAILED));
        assertEquals(1, outcomes.get(Outcome.DENIED));
        assertEquals(1, outcomes.get(Outcome.AWAITING_APPROVAL));
        PlannedExport awaiting = only(Outcome.AWAITING_APPROVAL);
        assertTrue(awaiting.requestedAt().isAfter(NOW.minus(Duration.ofHours(12))),
                "within the shortest approval expiry the demo uses (72 h): " + awaiting.requestedAt());
        assertEquals("erin", awaiting.user(), "an exporter, governed by the policy");
        assertEquals("alice", only(Outcome.CANCELLED).decidedBy());
        assertEquals("sam", only(Outcome.DENIED).decidedBy(), "four eyes: not the requester");
        assertTrue(only(Outcome.DENIED).requestedAt().isAfter(history.policyAddedAt()), "held by the policy");
    }

    @Test
    void a_few_exports_are_above_alices_threshold_and_none_of_them_has_a_file_to_write() {
        List<PlannedExport> large = exports.stream().filter(export -> export.kind().large()).toList();
        assertTrue(large.size() >= 3 && large.size() <= 12, large.size() + " large exports");
        assertTrue(large.stream().filter(export -> export.outcome() == Outcome.COMPLETED)
                        .allMatch(export -> !export.endedAt().plus(WINDOW).isAfter(NOW)),
                "completed large exports are purged: their files would cost the first start seconds");
        assertTrue(exports.stream().filter(export -> export.outcome() == Outcome.COMPLETED)
                        .anyMatch(export -> export.endedAt().plus(WINDOW).isAfter(NOW)),
                "some completed exports are still downloadable");
    }

    @Test
    void downloads_come_from_several_addresses_and_clients_each_within_its_files_window() {
        List<DemoHistory.Download> downloads = exports.stream().flatMap(export -> export.downloads().stream()).toList();
        assertTrue(downloads.size() >= 30, downloads.size() + " downloads");
        assertTrue(downloads.stream().map(DemoHistory.Download::ipAddress).distinct().count() >= 5);
        assertTrue(downloads.stream().map(DemoHistory.Download::userAgent).distinct().count() >= 5);
        for (PlannedExport export : exports) {
            for (DemoHistory.Download download : export.downloads()) {
                assertEquals(Outcome.COMPLETED, export.outcome());
                assertTrue(download.at().isAfter(export.endedAt()) && download.at().isBefore(NOW)
                        && download.at().isBefore(export.endedAt().plus(WINDOW)), export + " " + download);
            }
        }
    }

    @Test
    void the_timeline_is_in_time_order_and_purges_exactly_the_completed_exports_whose_window_closed() {
        List<DemoHistory.Happening> timeline = history.timeline();
        for (int i = 1; i < timeline.size(); i++) {
            assertFalse(timeline.get(i).at().isBefore(timeline.get(i - 1).at()), "in order at " + i);
        }
        assertTrue(timeline.get(0) instanceof DemoHistory.ThresholdSet, "alice's threshold comes first");
        Map<Integer, Integer> seen = new HashMap<>();
        for (DemoHistory.Happening happening : timeline) {
            if (happening instanceof DemoHistory.Requested requested) {
                seen.put(requested.export().number(), 1);
            } else if (happening instanceof DemoHistory.Ended ended) {
                assertEquals(1, seen.put(ended.export().number(), 2), "ended after requested");
            } else if (happening instanceof DemoHistory.Purged purged) {
                assertEquals(2, seen.put(purged.export().number(), 3), "purged after ended");
                assertFalse(purged.export().endedAt().plus(WINDOW).isAfter(purged.at()));
            }
        }
        long due = exports.stream().filter(export -> export.outcome() == Outcome.COMPLETED
                && !export.endedAt().plus(WINDOW).isAfter(NOW)).count();
        assertEquals(due, timeline.stream().filter(happening -> happening instanceof DemoHistory.Purged).count());
    }

    @Test
    void is_the_same_history_every_time() {
        assertEquals(exports, new DemoHistory(20_261_124L, NOW, WINDOW).exports());
    }

    private PlannedExport only(Outcome outcome) {
        return exports.stream().filter(export -> export.outcome() == outcome).findFirst().orElseThrow();
    }
}
