package org.exportaudit.lease.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.platform.NodeName;

/**
 * The leases of this node on the exports it runs, each step a short transaction of its own. The
 * node renews them all every second with one UPDATE; an export that the UPDATE no longer finds as
 * this node's (a cancel through another node ended it, or another node took it over after this one
 * hung past its lease) is reported lost, and its job is stopped here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExportLeases {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    NodeName node;

    @Inject
    Lease lease;

    /**
     * Renews the leases of every export this node runs (a lease handed back stays handed back), and
     * returns those of {@code runningHere} that are no longer this node's.
     */
    public Set<Long> renew(Collection<Long> runningHere) {
        Instant now = clock.instant();
        em.createQuery("update Export e set e.lease.leaseUntil = :until where e.lease.node = :node and e.status = :processing"
                        + " and e.lease.leaseUntil is not null")
                .setParameter("until", lease.from(now))
                .setParameter("node", node.value())
                .setParameter("processing", ExportStatus.PROCESSING)
                .executeUpdate();
        if (runningHere.isEmpty()) {
            return Set.of();
        }
        Set<Long> lost = new HashSet<>(runningHere);
        lost.removeAll(em.createQuery("select e.id from Export e where e.id in :running and e.lease.node = :node"
                        + " and e.status = :processing and e.lease.leaseUntil is not null", Long.class)
                .setParameter("running", runningHere)
                .setParameter("node", node.value())
                .setParameter("processing", ExportStatus.PROCESSING)
                .getResultList());
        return lost;
    }

    /** Exports in progress whose node's lease ran out or was handed back: any node may take them over. */
    public List<Long> orphaned() {
        return em.createQuery("select e.id from Export e where e.status = :processing"
                        + " and (e.lease.leaseUntil is null or e.lease.leaseUntil < :now) order by e.id", Long.class)
                .setParameter("processing", ExportStatus.PROCESSING)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    /**
     * Hands back every export in progress that this node owns: at an orderly stop, so that another
     * node (or this one, once it is back) takes them over at once instead of after the lease; and
     * at start, for exports that this node's previous life was running when it died.
     */
    public List<Long> handBack() {
        List<Export> owned = em.createQuery("select e from Export e where e.lease.node = :node and e.status = :processing"
                        + " order by e.id", Export.class)
                .setParameter("node", node.value())
                .setParameter("processing", ExportStatus.PROCESSING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        owned.forEach(Export::handBack);
        return owned.stream().map(Export::id).toList();
    }
}
