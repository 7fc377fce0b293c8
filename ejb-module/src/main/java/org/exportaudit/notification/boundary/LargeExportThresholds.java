package org.exportaudit.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalInt;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.exportaudit.notification.entity.ThresholdChanged;

/**
 * Each super admin reads and sets their own large-export threshold; nobody can see or change
 * another admin's.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class LargeExportThresholds {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Event<ThresholdChanged> changes;

    /** The caller's threshold; empty when their notifications are off. */
    public OptionalInt ofCaller() {
        LargeExportThreshold threshold = em.find(LargeExportThreshold.class, admin());
        return threshold == null ? OptionalInt.empty() : OptionalInt.of(threshold.records());
    }

    /**
     * Sets the caller's threshold from what they typed; empty text turns their notifications off.
     * Their notices are mailed to {@code email}, the address of their account (null: in-app only).
     *
     * @throws Refusal ({@code invalid-threshold}) and changes nothing, when the
     *         text is not a whole number from 1 to 275,000
     */
    public OptionalInt change(String text, String email) {
        OptionalInt records = LargeExportThreshold.parse(text);
        LargeExportThreshold current = em.find(LargeExportThreshold.class, admin());
        Integer from = current == null ? null : current.records();
        Integer to = records.isPresent() ? records.getAsInt() : null;
        if (Objects.equals(from, to)) {
            if (current != null) {
                current.change(to, email, current.changedAt()); // the address may have changed; the threshold did not
            }
            return records; // the threshold did not change, so there is nothing to audit
        }
        if (records.isEmpty()) {
            if (current != null) {
                em.remove(current);
            }
        } else if (current == null) {
            em.persist(new LargeExportThreshold(admin(), records.getAsInt(), email, clock.instant()));
        } else {
            current.change(records.getAsInt(), email, clock.instant());
        }
        changes.fire(new ThresholdChanged(admin(), from, to, clock.instant()));
        return records;
    }

    private String admin() {
        return session.getCallerPrincipal().getName();
    }
}
