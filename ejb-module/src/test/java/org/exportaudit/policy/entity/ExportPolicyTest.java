package org.exportaudit.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Refused;
import org.exportaudit.client.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static ExportPolicy.Rule rule(long limit, Duration window) {
        return new ExportPolicy.Rule("contacts", Roles.EXPORT, PolicyAction.APPROVE, limit, window,
                PolicyMeasure.RECORDS, null);
    }

    @ParameterizedTest(name = "limit {0} is refused")
    @ValueSource(longs = {0, -1, 10_000_001, Long.MAX_VALUE})
    void limits_outside_1_to_10_million_are_refused(long limit) {
        Refused.as(Refusal.Kind.INVALID, "invalid-limit", () -> rule(limit, null));
    }

    @Test
    void the_limits_at_the_edges_are_taken() {
        assertEquals(1, rule(1, null).limit());
        assertEquals(10_000_000, rule(10_000_000, null).limit());
    }

    @ParameterizedTest(name = "window {0} is refused")
    @ValueSource(strings = {"PT59S", "P32D", "PT0S", "-PT1H"})
    void windows_outside_a_minute_to_31_days_are_refused(String window) {
        Refused.as(Refusal.Kind.INVALID, "invalid-window", () -> rule(10, ExportPolicy.Rule.window(window)));
    }

    @ParameterizedTest(name = "window ''{0}'' is not a duration")
    @ValueSource(strings = {"24h", "P1W", "one day", "PT"})
    void windows_that_are_not_iso_durations_are_refused(String window) {
        Refused.as(Refusal.Kind.INVALID, () -> ExportPolicy.Rule.window(window));
    }

    @Test
    void a_limit_on_exports_needs_a_window_and_roles_are_the_applications() {
        Refused.as(Refusal.Kind.INVALID, () -> new ExportPolicy.Rule(null, null, PolicyAction.BLOCK, 3, null,
                PolicyMeasure.EXPORTS, null));
        Refused.as(Refusal.Kind.INVALID, () -> new ExportPolicy.Rule(null, "admin", PolicyAction.BLOCK, 3, null,
                PolicyMeasure.RECORDS, null));
        Refused.as(Refusal.Kind.INVALID, () -> new ExportPolicy.Rule(null, null, PolicyAction.BLOCK, 3, null,
                PolicyMeasure.RECORDS, "x".repeat(501)));
    }

    @Test
    void a_policy_governs_its_source_and_role_and_is_reached_at_its_limit() {
        ExportPolicy policy = new ExportPolicy(rule(100_000, null), "alice", NOW);

        assertTrue(policy.governs("contacts", Set.of(Roles.EXPORT)::contains));
        assertFalse(policy.governs("deals", Set.of(Roles.EXPORT)::contains));
        assertFalse(policy.governs("contacts", Set.of()::contains));
        assertFalse(policy.isReachedBy(99_999));
        assertTrue(policy.isReachedBy(100_000));
    }

    @Test
    void the_same_rule_with_another_limit_or_message_is_a_duplicate_and_p1d_is_pt24h() {
        ExportPolicy policy = new ExportPolicy(rule(100, Duration.ofHours(24)), "alice", NOW);

        assertTrue(policy.hasRule(rule(5, ExportPolicy.Rule.window("P1D"))));
        assertFalse(policy.hasRule(rule(100, Duration.ofHours(12))));
    }

    @Test
    void it_keeps_its_terms_in_one_line_for_the_exports_it_decides_on() throws ReflectiveOperationException {
        ExportPolicy policy = new ExportPolicy(new ExportPolicy.Rule(null, Roles.EXPORT, PolicyAction.BLOCK, 500_000,
                Duration.ofHours(24), PolicyMeasure.RECORDS, null), "alice", NOW);
        Field id = ExportPolicy.class.getDeclaredField("id"); // as the boundary's persist leaves it
        id.setAccessible(true);
        id.set(policy, 4L);

        assertEquals(new PolicyTerms(4, PolicyAction.BLOCK, 500_000, PolicyMeasure.RECORDS, null, Duration.ofHours(24),
                Roles.EXPORT), policy.terms());
        assertEquals("4|block|500000|records|*|86400|export", policy.terms().stored());
    }

    @Test
    void the_strictest_action_is_block_then_approve_then_step_up_then_notify() {
        assertTrue(PolicyAction.BLOCK.isStricterThan(PolicyAction.APPROVE));
        assertTrue(PolicyAction.APPROVE.isStricterThan(PolicyAction.STEP_UP));
        assertTrue(PolicyAction.STEP_UP.isStricterThan(PolicyAction.NOTIFY));
        assertEquals(PolicyAction.STEP_UP, PolicyAction.named("Step-Up"));
        Refused.as(Refusal.Kind.INVALID, () -> PolicyAction.named("deny"));
    }

    @Test
    void a_change_of_the_message_alone_is_a_change_of_the_message() {
        ExportPolicy policy = new ExportPolicy(new ExportPolicy.Rule("contacts", Roles.EXPORT, PolicyAction.BLOCK, 10,
                null, PolicyMeasure.RECORDS, "Ask your manager."), "alice", NOW);

        List<ExportPolicy.FieldChange> changes = policy.change(new ExportPolicy.Rule("contacts", Roles.EXPORT,
                PolicyAction.BLOCK, 10, null, PolicyMeasure.RECORDS, "Ask the data protection officer."));

        assertEquals(List.of(new ExportPolicy.FieldChange("message", "Ask your manager.", "Ask the data protection officer.")),
                changes);
    }

    @Test
    void a_change_names_every_field_that_changed_as_the_api_writes_it_and_none_that_did_not() {
        ExportPolicy policy = new ExportPolicy(new ExportPolicy.Rule("contacts", Roles.EXPORT, PolicyAction.NOTIFY,
                9_000_000, Duration.ofHours(24), PolicyMeasure.RECORDS, null), "alice", NOW);

        List<ExportPolicy.FieldChange> changes = policy.change(new ExportPolicy.Rule(null, Roles.EXPORT,
                PolicyAction.APPROVE, 8_000_000, Duration.ofDays(7), PolicyMeasure.RECORDS, "Reviewed."));

        assertEquals(List.of(new ExportPolicy.FieldChange("source", "contacts", null),
                new ExportPolicy.FieldChange("action", "notify", "approve"),
                new ExportPolicy.FieldChange("limit", "9000000", "8000000"),
                new ExportPolicy.FieldChange("window", "PT24H", "P7D"),
                new ExportPolicy.FieldChange("message", null, "Reviewed.")), changes);
        assertEquals(List.of(), policy.change(new ExportPolicy.Rule(null, Roles.EXPORT, PolicyAction.APPROVE, 8_000_000,
                Duration.ofDays(7), PolicyMeasure.RECORDS, "Reviewed.")));
    }
}
