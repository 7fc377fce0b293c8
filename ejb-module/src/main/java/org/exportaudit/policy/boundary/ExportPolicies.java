package org.exportaudit.policy.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.client.Storable;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.policy.entity.ExportPolicy;
import org.exportaudit.policy.entity.PolicyEvents;
import org.exportaudit.policy.view.PolicyRequest;
import org.exportaudit.policy.view.PolicyView;

/**
 * Super admins manage the export policies: what happens to exports that reach a limit. Every
 * change is audited with the rule before and after, and every field that changed. Two policies with the same rule (source,
 * role, action, window, measure) are refused: the database's unique rule key decides, also
 * between two admins adding the same one at once.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class ExportPolicies {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SourceCatalog catalog;

    @Inject
    Event<PolicyEvents.Changed> changes;

    public List<PolicyView> all() {
        return em.createQuery("select p from ExportPolicy p order by p.id", ExportPolicy.class)
                .getResultStream().map(ExportPolicies::view).toList();
    }

    /** @throws Refusal (invalid) for bad input or a rule that an existing policy already has; nothing is stored */
    public PolicyView create(PolicyRequest request) {
        ExportPolicy.Rule rule = rule(request);
        requireNew(rule, null);
        ExportPolicy policy = new ExportPolicy(rule, caller(), clock.instant());
        em.persist(policy);
        em.flush();
        changes.fire(new PolicyEvents.Changed(policy.id(), caller(), null, description(policy), List.of(),
                clock.instant()));
        return view(policy);
    }

    /** @throws Refusal (not found) when there is no such policy; (invalid) as for {@link #create} */
    public PolicyView change(long id, PolicyRequest request) {
        ExportPolicy policy = found(id);
        ExportPolicy.Rule rule = rule(request);
        requireNew(rule, id);
        String before = description(policy);
        List<ExportPolicy.FieldChange> changed = policy.change(rule);
        em.flush();
        changes.fire(new PolicyEvents.Changed(id, caller(), before, description(policy), changed, clock.instant()));
        return view(policy);
    }

    /** Exports it decided on keep its rule as it read; new ones are no longer governed by it. */
    public void remove(long id) {
        ExportPolicy policy = found(id);
        em.remove(policy);
        changes.fire(new PolicyEvents.Changed(id, caller(), description(policy), null, List.of(), clock.instant()));
    }

    private ExportPolicy.Rule rule(PolicyRequest request) {
        if (request == null) {
            throw Refusal.invalid("missing-policy", "policy.missing");
        }
        if (request.limit() == null) {
            throw Refusal.invalid("invalid-limit", "policy.limit.missing");
        }
        String source = request.source() == null || request.source().isBlank() ? null : request.source().strip();
        if (source != null && !catalog.isDeclared(source)) {
            throw Refusal.invalid("unknown-source", "policy.source.unknown", source);
        }
        String role = request.appliesTo() == null || request.appliesTo().isBlank() ? null : request.appliesTo().strip();
        if (!Storable.text(request.message())) {
            throw Refusal.invalid("invalid-message", Storable.TEXT_KEY, "message");
        }
        Duration window = ExportPolicy.Rule.window(request.window());
        return new ExportPolicy.Rule(source, role, PolicyAction.named(request.action()), request.limit(), window,
                PolicyMeasure.named(request.measure()), request.message());
    }

    /** The same rule as another policy: refused here with a message, and by the database's unique key in a race. */
    private void requireNew(ExportPolicy.Rule rule, Long changing) {
        boolean taken = em.createQuery("select p from ExportPolicy p", ExportPolicy.class).getResultStream()
                .anyMatch(other -> !other.id().equals(changing) && other.hasRule(rule));
        if (taken) {
            throw Refusal.invalid("duplicate-policy", "policy.duplicate");
        }
    }

    private ExportPolicy found(long id) {
        ExportPolicy policy = em.find(ExportPolicy.class, id);
        if (policy == null) {
            throw Refusal.notFound("policy.not-found", id);
        }
        return policy;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    static PolicyView view(ExportPolicy policy) {
        return new PolicyView(policy.id(), policy.source(), policy.appliesTo(), policy.action(), policy.limit(),
                policy.windowText(), policy.measure(), policy.message(),
                policy.createdBy(), policy.createdAt(), policy.terms());
    }

    /** The policy in English, as the audit trail keeps its changes. */
    private static String description(ExportPolicy policy) {
        return policy.terms().toString();
    }
}
