package org.exportaudit.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.Roles;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.export.control.SourceCounts;
import org.exportaudit.export.control.Verdict;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.export.entity.Source;
import org.exportaudit.identity.control.RecentSignIn;
import org.exportaudit.policy.entity.ExportPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy gate's decisions, without a container: what becomes of a request, in which order it counts, locks and
 * rules, and what the boundary fires once it stored the export.
 */
class PolicyGateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration APPROVAL_EXPIRY = Duration.ofHours(72);
    private static final Duration STEP_UP_AGE = Duration.ofMinutes(5);
    private static final Source CONTACTS = new Source("contacts", "Contacts", "ds", "select * from contacts", "id",
            List.of(new Column("id", "Id")));
    private static final Principal BOB = () -> "bob";
    private static final Predicate<String> EXPORTER = Roles.EXPORT::equals;

    private final List<String> steps = new ArrayList<>();
    private final List<ExportEvent> fired = new ArrayList<>();
    private final List<ExportPolicy> policies = new ArrayList<>();
    private Optional<Instant> signedIn = Optional.empty();
    private PolicyGate gate;

    @BeforeEach
    void gate() {
        gate = new PolicyGate();
        gate.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gate.policies = new PolicyCheck() {
            @Override
            public List<ExportPolicy> governing(String source, Predicate<String> hasRole) {
                return policies.stream().filter(policy -> policy.governs(source, hasRole)).toList();
            }

            @Override
            public Optional<PolicyRuling> rule(List<ExportPolicy> governing, String user, long records, Instant now) {
                steps.add("rule " + user);
                return super.rule(governing, user, records, now); // none of these is rolling: no database
            }
        };
        gate.counts = new SourceCounts() {
            @Override
            public long count(Source source, Map<String, String> filters) {
                steps.add("count " + source.key());
                return 1_000;
            }
        };
        gate.requesters = new Requesters() {
            @Override
            public void lock(String user) {
                steps.add("lock " + user);
            }
        };
        gate.signIns = new RecentSignIn() {
            @Override
            public Optional<Instant> of(Principal caller) {
                return signedIn;
            }
        };
        gate.settings = new PolicySettings() {
            @Override
            public Duration approvalExpiry() {
                return APPROVAL_EXPIRY;
            }

            @Override
            public Duration stepUpMaxAge() {
                return STEP_UP_AGE;
            }
        };
        gate.events = new Recorded();
    }

    @Test
    void withoutGoverningPoliciesItRunsUncountedAtOnce() {
        policies.add(policy(1, PolicyAction.BLOCK, 10, Roles.SUPER_ADMIN)); // governs super admins only
        Export export = requested();

        Verdict verdict = gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER);

        assertEquals(Verdict.Outcome.RUN, verdict.outcome());
        assertNull(verdict.ruling());
        assertEquals(List.of(), steps, "the job counts: no count, no lock");
        assertNull(export.records());
        assertEquals(List.of(new ExportEvents.Cleared(7)), verdict.events(stored(export)));
    }

    @Test
    void aGoverningPolicyNotReachedCountsUnderTheLockAndRuns() {
        policies.add(policy(1, PolicyAction.BLOCK, 5_000, null));
        Export export = requested();

        Verdict verdict = gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER);

        assertEquals(Verdict.Outcome.RUN, verdict.outcome());
        assertEquals(List.of("count contacts", "lock bob", "rule bob"), steps, "counted before the lock, ruled under it");
        assertEquals(1_000L, export.records());
        assertNull(export.policy());
        assertEquals(List.of(new ExportEvents.Counted(7, "bob", "contacts", "file.csv", 1_000, NOW),
                new ExportEvents.Cleared(7)), verdict.events(stored(export)));
    }

    @Test
    void theStrictestReachedPolicyDecides() {
        policies.add(policy(1, PolicyAction.NOTIFY, 10, null));
        policies.add(policy(2, PolicyAction.APPROVE, 100, null));
        Export export = requested();

        Verdict verdict = gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER);

        assertEquals(Verdict.Outcome.HOLD, verdict.outcome());
        assertEquals(2L, export.policyId());
        assertEquals(ExportStatus.AWAITING_APPROVAL, export.status());
        assertEquals(NOW.plus(APPROVAL_EXPIRY), export.approval().awaitingUntil());
        List<ExportEvent> events = verdict.events(stored(export));
        assertEquals(1, events.size());
        ExportEvents.AwaitingApproval waiting = assertInstanceOf(ExportEvents.AwaitingApproval.class, events.get(0));
        assertEquals(new ExportEvents.AwaitingApproval(7, "bob", "contacts", "file.csv", 1_000, 2, export.policy(),
                export.policyTerms(), 1_000, NOW.plus(APPROVAL_EXPIRY), NOW), waiting);
        assertNull(verdict.refusal(export));
    }

    @Test
    void aNoticeRunsRuled() {
        policies.add(policy(1, PolicyAction.NOTIFY, 10, null));
        Export export = requested();

        Verdict verdict = gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER);

        assertEquals(Verdict.Outcome.RUN, verdict.outcome());
        assertEquals("#1 Notice from 10 records of contacts", export.policy());
        assertEquals("1|notify|10|records|contacts|*|*", export.policyTerms().stored(), "as the policy_terms column keeps it");
        assertEquals(List.of(new ExportEvents.Ruled(7, "bob", 1, export.policy(), export.policyTerms(), 1_000, NOW),
                new ExportEvents.Counted(7, "bob", "contacts", "file.csv", 1_000, NOW),
                new ExportEvents.Cleared(7)), verdict.events(stored(export)));
    }

    @Test
    void aBlockEndsTheExportAndAnswersWithItsRefusal() {
        policies.add(policy(3, PolicyAction.BLOCK, 10, null));
        Export export = requested();

        Verdict verdict = gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER);

        assertEquals(Verdict.Outcome.BLOCK, verdict.outcome());
        assertEquals(ExportStatus.BLOCKED, export.status());
        assertEquals(NOW, export.endedAt());
        assertEquals(List.of(new ExportEvents.Blocked(7, "bob", 1_000, 3, export.policy(), 10, 1_000, NOW)),
                verdict.events(stored(export)));
        ExportBlocked refusal = verdict.refusal(export);
        assertEquals(7, refusal.exportId());
    }

    @Test
    void aStepUpWithoutARecentSignInIsRefusedAuditedAndCreatesNothing() {
        policies.add(policy(4, PolicyAction.STEP_UP, 10, null));
        signedIn = Optional.of(NOW.minus(STEP_UP_AGE).minusSeconds(1));
        Export export = requested();

        StepUpRequired refused = assertThrows(StepUpRequired.class,
                () -> gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER));

        assertEquals(4, refused.policyId());
        assertEquals(1, fired.size());
        ExportEvents.StepUpRequired audited = assertInstanceOf(ExportEvents.StepUpRequired.class, fired.get(0));
        assertEquals("bob", audited.user());
        assertEquals(NOW.minus(STEP_UP_AGE).minusSeconds(1), audited.signedInAt());
        assertNull(export.records(), "refused before the export is counted or ruled");
        assertNull(export.policyId());
    }

    @Test
    void aStepUpWithARecentSignInRuns() {
        policies.add(policy(4, PolicyAction.STEP_UP, 10, null));
        signedIn = Optional.of(NOW.minus(STEP_UP_AGE));
        Export export = requested();

        Verdict verdict = gate.rule(export, CONTACTS, Map.of(), BOB, EXPORTER);

        assertEquals(Verdict.Outcome.RUN, verdict.outcome());
        assertEquals(4L, export.policyId());
        assertEquals(List.of(), fired);
    }

    private static Export requested() {
        return Export.requested("file.csv", "contacts", ExportFormat.CSV, "{}", "bob", NOW);
    }

    private static ExportPolicy policy(long id, PolicyAction action, long limit, String appliesTo) {
        ExportPolicy policy = new ExportPolicy(new ExportPolicy.Rule("contacts", appliesTo, action, limit, null,
                PolicyMeasure.RECORDS, null), "alice", NOW);
        return withId(policy, ExportPolicy.class, id);
    }

    /** As the boundary's persist leaves it: with its id. */
    private static Export stored(Export export) {
        return withId(export, Export.class, 7);
    }

    private static <T> T withId(T entity, Class<T> type, long id) {
        try {
            Class<?> declaring = type;
            while (Arrays.stream(declaring.getDeclaredFields()).noneMatch(field -> field.getName().equals("id"))) {
                declaring = declaring.getSuperclass(); // an export's columns are its superclass's
            }
            Field field = declaring.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private final class Recorded implements Event<ExportEvent> {

        @Override
        public void fire(ExportEvent event) {
            fired.add(event);
        }

        @Override
        public <U extends ExportEvent> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ExportEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<ExportEvent> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ExportEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ExportEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
