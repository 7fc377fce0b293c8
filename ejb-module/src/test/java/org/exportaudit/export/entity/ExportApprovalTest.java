package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.exportaudit.client.ApprovalExpired;
import org.exportaudit.client.ExportNotAwaitingApproval;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportApprovalTest {

    private static final Instant ASKED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant UNTIL = ASKED.plusSeconds(72 * 3600);
    private static final Instant LATER = ASKED.plusSeconds(60);

    private static Export awaiting() {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);
        export.counted(120_000);
        export.ruledBy(PolicyTerms.parse("3|approve|100000|records|contacts|*|*"));
        export.awaitApproval(UNTIL);
        return export;
    }

    @Test
    void an_export_held_for_approval_runs_nowhere_and_keeps_its_count_and_policy() {
        Export export = awaiting();

        assertEquals(ExportStatus.AWAITING_APPROVAL, export.status());
        assertEquals(120_000L, export.records());
        assertEquals("#3 Approval from 100,000 records of contacts", export.policy());
        assertFalse(export.isRunBy("node-1"));
        assertFalse(export.isOrphaned(LATER), "no node takes over an export that waits");
    }

    @Test
    void an_approval_by_another_admin_lets_the_approving_node_run_it() {
        Export export = awaiting();

        export.approve("alice", LATER, "node-1", LATER.plusSeconds(15));

        assertEquals(ExportStatus.PROCESSING, export.status());
        assertTrue(export.isRunBy("node-1"));
        assertEquals("alice", export.approval().decidedBy());
        assertEquals(LATER, export.approval().decidedAt());
    }

    @Test
    void nobody_approves_or_denies_their_own_export_and_it_still_waits() {
        Export export = awaiting();

        Refused.as(Refusal.Kind.FORBIDDEN, "own-export", () -> export.approve("bob", LATER, "node-1", LATER));
        Refused.as(Refusal.Kind.FORBIDDEN, "own-export", () -> export.deny("bob", "no", LATER));
        assertEquals(ExportStatus.AWAITING_APPROVAL, export.status());
        assertNull(export.approval().decidedBy());
    }

    @Test
    void four_eyes_compares_user_names_as_keycloak_does_without_case() {
        Export export = awaiting(); // asked for by bob

        Refused.as(Refusal.Kind.FORBIDDEN, "own-export", () -> export.approve("Bob", LATER, "node-1", LATER));
        Refused.as(Refusal.Kind.FORBIDDEN, "own-export", () -> export.deny("BOB", "mine", LATER));
        assertEquals(ExportStatus.AWAITING_APPROVAL, export.status());
        assertFalse(Deciders.mayBeDecided("bob", "bob", true));
        assertFalse(Deciders.mayBeDecided("bob", "bOb", true));
        assertTrue(Deciders.mayBeDecided("bob", "bobby", true));
        assertTrue(Deciders.mayBeDecided("bob", " bob", true));
        assertTrue(Deciders.mayBeWithdrawn("bob", "bob"));
        assertTrue(Deciders.mayBeWithdrawn("bob", "bOb"));
        assertFalse(Deciders.mayBeWithdrawn("bob", "bobby"));
        assertFalse(Deciders.mayBeWithdrawn("bob", " bob"));
        assertFalse(Deciders.mayBeWithdrawn("bob", null));
    }

    @Test
    void only_super_admins_other_than_the_requester_may_decide() {
        assertTrue(Deciders.mayBeDecided("bob", "alice", true));
        assertFalse(Deciders.mayBeDecided("bob", "alice", false), "an exporter decides nothing");
        assertFalse(Deciders.mayBeDecided("bob", "bob", true), "four eyes");
    }

    @Test
    void only_its_requester_withdraws_it_under_any_case_of_the_name_and_before_its_state_is_asked() {
        Export export = awaiting(); // asked for by bob

        Refused.as(Refusal.Kind.FORBIDDEN, "not-requester", () -> export.withdraw("alice", LATER));
        Refused.as(Refusal.Kind.FORBIDDEN, "not-requester", () -> export.withdraw("alice", UNTIL)); // late, not hers
        assertEquals(ExportStatus.AWAITING_APPROVAL, export.status());
        export.withdraw("Bob", LATER);
        assertEquals(ExportStatus.WITHDRAWN, export.status());
        assertEquals("Bob", export.approval().decidedBy());
        Refused.as(Refusal.Kind.FORBIDDEN, "not-requester", () -> export.withdraw("alice", LATER)); // decided, not hers
    }

    @Test
    void a_denial_ends_it_with_the_reason_its_requester_reads() {
        Export export = awaiting();

        export.deny("alice", "Use the filtered source", LATER);

        assertEquals(ExportStatus.DENIED, export.status());
        assertEquals("Use the filtered source", export.approval().denialReason());
        assertEquals(LATER, export.endedAt());
    }

    @Test
    void it_expires_only_once_its_time_ran_out() {
        Export export = awaiting();

        assertFalse(export.isApprovalExpired(UNTIL.minusSeconds(1)));
        assertTrue(export.isApprovalExpired(UNTIL));
        export.expire(UNTIL);
        assertEquals(ExportStatus.EXPIRED, export.status());
    }

    static Stream<Arguments> lateDecisions() {
        return Stream.of(
                Arguments.of("approved", (Consumer<Export>) e -> e.approve("alice", UNTIL, "node-1", UNTIL)),
                Arguments.of("denied", (Consumer<Export>) e -> e.deny("alice", "no", UNTIL.plusSeconds(30))),
                Arguments.of("withdrawn", (Consumer<Export>) e -> e.withdraw("bob", UNTIL.plusSeconds(59))),
                Arguments.of("approved by its own requester", (Consumer<Export>) e -> e.approve("bob", UNTIL, "node-1", UNTIL)));
    }

    @ParameterizedTest(name = "{0} after the deadline, before the timer ran")
    @MethodSource("lateDecisions")
    void a_decision_after_the_deadline_is_refused_as_expired_even_before_the_timer_ran(String move, Consumer<Export> late) {
        Export export = awaiting();

        ApprovalExpired refused = assertThrows(ApprovalExpired.class, () -> late.accept(export));

        assertEquals("EXPIRED", refused.status());
        assertEquals(ExportStatus.AWAITING_APPROVAL, export.status(), "left to the expiry, which audits it");
        assertFalse(export.isRunBy("node-1"));
        assertNull(export.approval().decidedBy());
        assertTrue(export.isApprovalExpired(UNTIL));
    }

    @Test
    void a_decision_a_moment_before_the_deadline_is_in_time() {
        Export export = awaiting();

        export.approve("alice", UNTIL.minusMillis(1), "node-1", UNTIL);

        assertEquals(ExportStatus.PROCESSING, export.status());
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("approved", (Consumer<Export>) e -> e.approve("alice", LATER, "node-1", LATER)),
                Arguments.of("denied", (Consumer<Export>) e -> e.deny("alice", "no", LATER)),
                Arguments.of("withdrawn", (Consumer<Export>) e -> e.withdraw("bob", LATER)),
                Arguments.of("expired", (Consumer<Export>) e -> e.expire(LATER)));
    }

    @ParameterizedTest(name = "once {0}, no decision changes it")
    @MethodSource("decisions")
    void a_decided_export_stays_decided(String decided, Consumer<Export> decision) {
        for (var second : decisions().map(arguments -> (Consumer<Export>) arguments.get()[1]).toList()) {
            Export export = awaiting();
            decision.accept(export);
            ExportStatus after = export.status();
            String decidedBy = export.approval().decidedBy();

            assertThrows(ExportNotAwaitingApproval.class, () -> second.accept(export));
            assertEquals(after, export.status());
            assertEquals(decidedBy, export.approval().decidedBy());
        }
    }

    @Test
    void a_blocked_export_ended_before_it_ran_and_cannot_be_approved() {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);
        export.counted(2_000_000);
        export.ruledBy(PolicyTerms.parse("4|block|1000000|records|contacts|*|*"));

        export.block("Ask your manager", ASKED);

        assertEquals(ExportStatus.BLOCKED, export.status());
        assertEquals("Ask your manager", export.blockMessage());
        assertThrows(ExportNotAwaitingApproval.class, () -> export.approve("alice", LATER, "node-1", LATER));
        assertFalse(export.isDownloadable(LATER, DownloadWindow.ofDays(30)));
    }
}
