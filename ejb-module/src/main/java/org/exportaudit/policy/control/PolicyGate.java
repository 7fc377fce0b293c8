package org.exportaudit.policy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.export.control.ExportGate;
import org.exportaudit.export.control.SourceCounts;
import org.exportaudit.export.control.Verdict;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.Source;
import org.exportaudit.identity.control.RecentSignIn;
import org.exportaudit.policy.entity.ExportPolicy;

/**
 * Decides what becomes of an export request under the export policies, before anything is stored. A request that a
 * policy governs is counted here, so that a block or a step-up is answered at once; then, under the user's lock, the
 * strictest policy its count reaches decides (notify, step-up, approve, block). Without governing policies the job
 * counts, and the request answers at once.
 */
@ApplicationScoped
public class PolicyGate implements ExportGate {

    @Inject
    Clock clock;

    @Inject
    PolicyCheck policies;

    @Inject
    PolicySettings settings;

    @Inject
    SourceCounts counts;

    @Inject
    Requesters requesters;

    @Inject
    RecentSignIn signIns;

    @Inject
    Event<ExportEvent> events;

    /**
     * Rules on the requested, not yet stored, {@code export} of {@code source} with {@code filters}, asked for by
     * {@code caller}, who holds the roles {@code hasRole} says, and applies the ruling to it: its count and policy,
     * and a wait for approval or a block. Holds the caller's lock ({@link Requesters}) until the transaction ends
     * once a policy governs it.
     *
     * @throws StepUpRequired when a step-up policy decides and the caller's password is older than allowed; the
     *         refusal is audited, and commits (rollback = false); nothing is created
     */
    @Override
    public Verdict rule(Export export, Source source, Map<String, String> filters, Principal caller,
            Predicate<String> hasRole) {
        List<ExportPolicy> governing = policies.governing(source.key(), hasRole);
        if (governing.isEmpty()) {
            return new Verdict(Verdict.Outcome.RUN, null, clock.instant()); // counted by its job: it answers at once
        }
        long records = counts.count(source, filters); // before the lock: a count may take a while
        requesters.lock(caller.getName());
        Optional<PolicyRuling> ruling = policies.rule(governing, caller.getName(), records, clock.instant());
        if (ruling.isPresent() && ruling.get().action() == PolicyAction.STEP_UP) {
            requireRecentSignIn(ruling.get(), source, records, caller);
        }
        export.counted(records);
        if (ruling.isEmpty()) {
            return new Verdict(Verdict.Outcome.RUN, null, clock.instant());
        }
        ExportPolicy policy = ruling.get().policy();
        PolicyTerms terms = policy.terms();
        export.ruledBy(terms);
        Instant now = clock.instant();
        Verdict.Ruling decided = new Verdict.Ruling(terms, policy.message(), ruling.get().total());
        return switch (policy.action()) {
            case NOTIFY, STEP_UP -> new Verdict(Verdict.Outcome.RUN, decided, now);
            case APPROVE -> {
                export.awaitApproval(now.plus(settings.approvalExpiry()));
                yield new Verdict(Verdict.Outcome.HOLD, decided, now);
            }
            case BLOCK -> {
                // kept in the log, BLOCKED, and said so: the refusal commits it
                export.block(ExportBlocked.reason(export.policy(), policy.message()), now);
                yield new Verdict(Verdict.Outcome.BLOCK, decided, now);
            }
        };
    }

    /**
     * A step-up policy decides: the caller must have entered their password within the configured
     * age. If not, nothing is created; the refusal is audited and commits (rollback = false).
     */
    private void requireRecentSignIn(PolicyRuling ruling, Source source, long records, Principal caller) {
        Instant now = clock.instant();
        Duration maxAge = settings.stepUpMaxAge();
        if (!signIns.isWithin(caller, maxAge, now)) {
            PolicyTerms policy = ruling.policy().terms();
            events.fire(new ExportEvents.StepUpRequired(caller.getName(), source.key(), records, policy.policyId(),
                    policy.toString(), signIns.of(caller).orElse(null), now));
            throw new StepUpRequired(policy, maxAge);
        }
    }
}
