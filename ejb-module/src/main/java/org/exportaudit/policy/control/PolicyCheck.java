package org.exportaudit.policy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.policy.entity.ExportPolicy;

/**
 * Judges an export request against the export policies: which govern it (its source, the user's
 * roles), and which of those its count reaches — alone, or with the user's exports over a policy's
 * window. When several are reached, the strictest decides (block, approve, step-up, notify).
 */
@ApplicationScoped
public class PolicyCheck {

    @PersistenceContext
    EntityManager em;

    /** The policies that govern an export of {@code source} by a user holding the roles {@code hasRole} says. */
    public List<ExportPolicy> governing(String source, Predicate<String> hasRole) {
        return em.createQuery("select p from ExportPolicy p order by p.id", ExportPolicy.class)
                .getResultStream()
                .filter(policy -> policy.governs(source, hasRole))
                .toList();
    }

    /**
     * The strictest of the {@code governing} policies that an export of {@code records} reaches; empty
     * when it reaches none. Rolling limits read the user's earlier exports: call it under the user's
     * lock ({@link Requesters}), so that an export racing this one is either counted here or waits.
     */
    public Optional<PolicyRuling> rule(List<ExportPolicy> governing, String user, long records, Instant now) {
        Map<Scope, Totals> windows = new HashMap<>();
        PolicyRuling strictest = null;
        for (ExportPolicy policy : governing) {
            long total = policy.measure() == PolicyMeasure.RECORDS ? records : 1;
            if (policy.isRolling()) {
                Totals earlier = windows.computeIfAbsent(new Scope(policy.source(), policy.window()),
                        scope -> totals(user, scope.source(), now.minus(scope.window())));
                total += policy.measure() == PolicyMeasure.RECORDS ? earlier.records() : earlier.exports();
            }
            if (policy.isReachedBy(total) && (strictest == null || strictest.isMilderThan(policy))) {
                strictest = new PolicyRuling(policy, total);
            }
        }
        return Optional.ofNullable(strictest);
    }

    /**
     * The user's exports of {@code source} (null: of any source) since {@code since} and their records:
     * every export that ran, runs or may still run (awaiting approval); refused ones (blocked, denied,
     * withdrawn, expired) exported nothing. A policy on one source counts that source only: "500,000
     * records of contacts per user in 24 hours" is not reached by exports of deals.
     */
    private Totals totals(String user, String source, Instant since) {
        TypedQuery<Object[]> query = em.createQuery("select count(e), coalesce(sum(e.records), 0) from Export e"
                        + " where e.requestedBy = :user and e.requestedAt >= :since and e.status not in :refused"
                        + (source == null ? "" : " and e.source = :source"), Object[].class)
                .setParameter("user", user)
                .setParameter("since", since)
                .setParameter("refused", ExportStatus.REFUSED);
        if (source != null) {
            query.setParameter("source", source);
        }
        Object[] row = query.getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** What a rolling limit counts: the user's exports of one source or of all, over a window. */
    private record Scope(String source, Duration window) {
    }

    private record Totals(long exports, long records) {
    }
}
