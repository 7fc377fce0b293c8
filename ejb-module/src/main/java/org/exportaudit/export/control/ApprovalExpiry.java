package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportStatus;

/**
 * Expires the approval requests whose time ran out. Each is re-read under its row lock: an approval,
 * a denial or a withdrawal that committed meanwhile has decided it, and it stays decided; one that
 * arrives after the deadline expires it itself ({@link #expire}).
 */
@ApplicationScoped
@Transactional
public class ApprovalExpiry {

    /** Expires at most this many per transaction, so that a backlog never makes one huge one. */
    public static final int PER_RUN = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ExportEvent> events;

    public int expireDue() {
        Instant now = clock.instant();
        List<Long> due = em.createQuery("select e.id from Export e where e.status = :awaiting"
                        + " and e.approval.awaitingUntil <= :now order by e.approval.awaitingUntil", Long.class)
                .setParameter("awaiting", ExportStatus.AWAITING_APPROVAL)
                .setParameter("now", now)
                .setMaxResults(PER_RUN)
                .getResultList();
        int expired = 0;
        for (long id : due) {
            if (expire(em.find(Export.class, id, LockModeType.PESSIMISTIC_WRITE), now)) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Expires {@code export}, held under its row lock, if its time ran out at {@code now}, and audits it: the
     * one way an export expires, whether the timer finds it or a decision that came too late does.
     */
    public boolean expire(Export export, Instant now) {
        if (!export.isApprovalExpired(now)) {
            return false;
        }
        export.expire(now);
        events.fire(new ExportEvents.Expired(export.id(), now));
        return true;
    }
}
