package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "May this file be downloaded, and if not, why?": one answer, the export's. */
class ExportDownloadTest {

    private static final Instant ASKED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant NOW = ASKED.plusSeconds(600);
    private static final DownloadWindow WINDOW = DownloadWindow.ofDays(30);

    private static Export requested() {
        return Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);
    }

    private static Export awaiting() {
        Export export = requested();
        export.counted(120_000);
        export.ruledBy(PolicyTerms.parse("3|approve|100000|records|contacts|*|*"));
        export.awaitApproval(ASKED.plusSeconds(3600));
        return export;
    }

    static Stream<Arguments> neverRan() {
        return Stream.of(
                Arguments.of("awaiting approval", (Consumer<Export>) export -> { }, "no-file.awaiting-approval"),
                Arguments.of("denied", (Consumer<Export>) export -> export.deny("alice", "No", NOW), "no-file.denied"),
                Arguments.of("expired", (Consumer<Export>) export -> export.expire(NOW), "no-file.expired"),
                Arguments.of("withdrawn", (Consumer<Export>) export -> export.withdraw("bob", NOW), "no-file.withdrawn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverRan")
    void an_export_that_never_ran_has_no_file_by_its_own_state_not_because_its_time_is_over(String state,
            Consumer<Export> decision, String why) {
        Export export = awaiting();
        decision.accept(export);

        Refusal refusal = export.whyNotDownloadable(NOW, WINDOW);

        assertEquals(Refusal.Kind.CONFLICT, refusal.kind(), state);
        assertEquals("no-file", refusal.code(), state);
        assertEquals(Refusal.conflict("no-file", "export.no-file", 0, Refusal.term(why)).getMessage(), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("time is over"), refusal.getMessage());
        assertFalse(export.isDownloadable(NOW, WINDOW));
    }

    @Test
    void a_blocked_export_has_no_file_because_a_policy_blocked_it() {
        Export export = requested();
        export.counted(2_000_000);
        export.block("Ask your manager", NOW);

        Refusal refusal = export.whyNotDownloadable(NOW, WINDOW);

        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("no-file", refusal.code());
        assertEquals("Export 0 has no file: a policy blocked it before it ran.", refusal.getMessage());
    }

    @Test
    void a_running_export_is_still_processing() {
        Refusal refusal = requested().whyNotDownloadable(NOW, WINDOW);
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("still-processing", refusal.code());
        assertEquals("Export 0 is still processing; its file can be downloaded once it completes.", refusal.getMessage());
    }

    @Test
    void only_a_file_that_was_or_could_have_been_here_is_gone() {
        Export cancelled = requested();
        cancelled.cancel("alice", NOW);
        Export failed = requested();
        failed.fail("broken", NOW);
        Export purged = requested();
        purged.complete(10, "abc", NOW);
        purged.purge(NOW.plusSeconds(1));
        Export outOfWindow = requested();
        outOfWindow.complete(10, "abc", NOW);
        Export host = Export.recordedByHost("c.csv", "contacts", ExportFormat.CSV, 5, "bob", ASKED, NOW);

        assertEquals(gone("file-gone.cancelled").getMessage(), cancelled.whyNotDownloadable(NOW, WINDOW).getMessage());
        assertEquals(gone("file-gone.failed").getMessage(), failed.whyNotDownloadable(NOW, WINDOW).getMessage());
        assertEquals(gone("file-gone.purged").getMessage(), purged.whyNotDownloadable(NOW, WINDOW).getMessage());
        assertEquals(gone("file-gone.purged").getMessage(),
                outOfWindow.whyNotDownloadable(NOW.plus(Duration.ofDays(30)), WINDOW).getMessage());
        assertEquals(gone("file-gone.host").getMessage(), host.whyNotDownloadable(NOW, WINDOW).getMessage());
        for (Export gone : new Export[] {cancelled, failed, purged, host}) {
            assertEquals(Refusal.Kind.GONE, gone.whyNotDownloadable(NOW, WINDOW).kind());
            assertEquals("file-gone", gone.whyNotDownloadable(NOW, WINDOW).code());
        }
    }

    @Test
    void a_completed_file_within_its_window_may_be_downloaded_and_the_flag_says_the_same() {
        Export export = requested();
        export.complete(10, "abc", NOW);

        assertNull(export.whyNotDownloadable(NOW, WINDOW));
        assertTrue(export.isDownloadable(NOW, WINDOW));
    }

    private static Refusal gone(String why) {
        return Refusal.gone("file-gone", "export.file-gone", 0, Refusal.term(why));
    }
}
