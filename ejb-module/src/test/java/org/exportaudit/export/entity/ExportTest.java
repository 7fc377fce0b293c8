package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.exportaudit.client.ExportNotInProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportTest {

    private static final DownloadWindow WINDOW = DownloadWindow.ofDays(30);
    private static final Instant ASKED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant ENDED = ASKED.plusSeconds(30);

    private static Export processing() {
        Export export = Export.requested("contacts-2026-11-24.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);
        export.counted(1_000);
        return export;
    }

    @Test
    void a_new_export_is_processing_with_nothing_written() {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);

        assertEquals(ExportStatus.PROCESSING, export.status());
        assertNull(export.records());
        assertEquals(0, export.written());
        assertFalse(export.isDownloadable(ASKED, WINDOW));
    }

    @Test
    void completing_records_the_file_and_makes_it_downloadable_for_30_days() {
        Export export = processing();
        export.progressed(600);

        export.complete(4_096, "ab".repeat(32), ENDED);

        assertEquals(ExportStatus.COMPLETED, export.status());
        assertEquals(1_000, export.written());
        assertTrue(export.isDownloadable(ENDED.plus(Duration.ofDays(29)), WINDOW));
        assertFalse(export.isDownloadable(ENDED.plus(Duration.ofDays(30)), WINDOW));
    }

    @Test
    void a_purged_file_is_no_longer_downloadable_and_cannot_be_purged_twice() {
        Export export = processing();
        export.complete(4_096, "ab".repeat(32), ENDED);
        Instant later = ENDED.plus(Duration.ofDays(31));
        assertTrue(export.isDueForPurge(later, WINDOW));
        assertFalse(export.isDueForPurge(ENDED.plus(Duration.ofDays(29)), WINDOW));

        export.purge(later);

        assertEquals(later, export.file().purgedAt());
        assertFalse(export.isDownloadable(ENDED, WINDOW));
        assertFalse(export.isDueForPurge(later, WINDOW));
        assertThrows(IllegalStateException.class, () -> export.purge(later));
        assertEquals(ExportStatus.COMPLETED, export.status(), "the row stays in the log as it was");
    }

    @Test
    void a_cancelled_export_has_no_file_to_purge() {
        Export export = processing();
        export.cancel("alice", ENDED);

        assertFalse(export.isDueForPurge(ENDED.plus(Duration.ofDays(31)), WINDOW));
        assertThrows(IllegalStateException.class, () -> export.purge(ENDED));
    }

    @Test
    void cancelling_names_who_cancelled_and_nothing_is_downloadable() {
        Export export = processing();

        export.cancel("alice", ENDED);

        assertEquals(ExportStatus.CANCELLED, export.status());
        assertEquals("alice", export.cancelledBy());
        assertFalse(export.isDownloadable(ENDED, WINDOW));
    }

    @Test
    void failing_keeps_what_happened_and_the_incident() {
        Export export = processing();

        export.fail("failed|7F3A9C21B0D4", ENDED);

        assertEquals(ExportStatus.FAILED, export.status());
        assertEquals("failed|7F3A9C21B0D4", export.failure());
    }

    static Stream<Arguments> endings() {
        Consumer<Export> complete = export -> export.complete(1, "00".repeat(32), ENDED);
        Consumer<Export> cancel = export -> export.cancel("sam", ENDED);
        Consumer<Export> fail = export -> export.fail("stopped|*", ENDED);
        return Stream.of(
                Arguments.of("completed", complete), Arguments.of("cancelled", cancel), Arguments.of("failed", fail));
    }

    @ParameterizedTest(name = "a {0} export cannot move again")
    @MethodSource("endings")
    void an_ended_export_refuses_every_move_and_keeps_its_state(String ending, Consumer<Export> end) {
        Export export = processing();
        end.accept(export);
        ExportStatus status = export.status();

        assertThrows(ExportNotInProgress.class, () -> export.complete(2, "11".repeat(32), ENDED));
        assertThrows(ExportNotInProgress.class, () -> export.cancel("alice", ENDED));
        assertThrows(ExportNotInProgress.class, () -> export.fail("stopped|*", ENDED));
        assertThrows(ExportNotInProgress.class, () -> export.progressed(5));
        assertThrows(ExportNotInProgress.class, () -> export.counted(5));
        assertEquals(status, export.status());
    }

    @Test
    void a_recorded_export_is_complete_at_once_but_has_no_file_to_download() {
        Export export = Export.recordedByHost("crm-dump.csv", "contacts", ExportFormat.CSV, 12_000, "erin", ASKED, ENDED);

        assertEquals(ExportStatus.COMPLETED, export.status());
        assertEquals(12_000, export.records());
        assertFalse(export.isDownloadable(ENDED, WINDOW));
    }

    @Test
    void only_its_requester_and_super_admins_may_see_it() {
        Export export = processing();

        assertTrue(export.isVisibleTo("bob", false));
        assertFalse(export.isVisibleTo("erin", false));
        assertTrue(export.isVisibleTo("alice", true));
    }

    @Test
    void a_negative_count_is_refused() {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);

        assertThrows(IllegalArgumentException.class, () -> export.counted(-1));
    }
}
