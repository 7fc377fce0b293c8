package org.exportaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.exportaudit.audit.entity.AuditEvents;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.client.AuditAnchor;

/**
 * Publishes the chain's head (an anchor): as a record of the trail, which every SIEM outlet
 * receives like any other, and in the server log once it committed. Under the head's lock, so
 * that the anchor record directly follows the record it names, which verification checks.
 */
@ApplicationScoped
public class ChainAnchors {

    private static final Logger LOG = Logger.getLogger(ChainAnchors.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ChainHead head;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvents.Anchored> anchored;

    /** Publishes the head now, asked by {@code by}. */
    public AuditAnchor publish(String by) {
        ChainHead.Head current = head.lock();
        Instant at = clock.instant();
        anchored.fire(new AuditEvents.Anchored(current.seq(), current.hash(), by, at));
        return new AuditAnchor(current.seq(), current.hash(), at);
    }

    /** The hourly anchor: none when the head is an anchor already, so that an idle trail does not grow by one an hour. */
    public void publishIfChanged() {
        ChainHead.Head current = head.lock();
        List<AuditKind> newest = em.createQuery("select a.kind from AuditRecord a where a.seq = :seq", AuditKind.class)
                .setParameter("seq", current.seq())
                .getResultList();
        if (newest.isEmpty() || newest.get(0) != AuditKind.AUDIT_ANCHORED) {
            publish(AuditRecord.SYSTEM);
        }
    }

    void logged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvents.Anchored anchor) {
        LOG.info("Audit anchor: seq=" + anchor.seq() + " hash=" + anchor.hash() + " at=" + anchor.at()
                + " by=" + anchor.by());
    }
}
