package org.exportaudit.audit.control;

import static org.exportaudit.platform.Jsonp.JSON;

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
import org.exportaudit.audit.entity.PendingAuditRecord;
import org.exportaudit.audit.view.AuditAnchor;

/**
 * Publishes the chain's head (an anchor): as a record of the trail, which every SIEM outlet
 * receives like any other, and in the server log once it committed. Under the head's lock, and
 * chained at once, so that the anchor record directly follows the record it names, which
 * verification checks.
 */
@ApplicationScoped
public class ChainAnchors {

    private static final Logger LOG = Logger.getLogger(ChainAnchors.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Chaining chaining;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvents.Anchored> anchored;

    /** Publishes the head now, asked by {@code by}: the head once every committed record is chained. */
    public AuditAnchor publish(String by) {
        return publish(chaining.lockCaughtUp(), by);
    }

    /** The hourly anchor: none when the head is an anchor already, so that an idle trail does not grow by one an hour. */
    public void publishIfChanged() {
        ChainHead.Head current = chaining.lockCaughtUp();
        List<AuditKind> newest = em.createQuery("select a.kind from AuditRecord a where a.seq = :seq", AuditKind.class)
                .setParameter("seq", current.seq())
                .getResultList();
        if (newest.isEmpty() || newest.get(0) != AuditKind.AUDIT_ANCHORED) {
            publish(current, AuditRecord.SYSTEM);
        }
    }

    private AuditAnchor publish(ChainHead.Head current, String by) {
        Instant at = clock.instant();
        chaining.append(current, new PendingAuditRecord(at, AuditKind.AUDIT_ANCHORED, by, null, JSON.createObjectBuilder()
                .add("seq", current.seq()).add("hash", current.hash()).build().toString()));
        anchored.fire(new AuditEvents.Anchored(current.seq(), current.hash(), by, at));
        return new AuditAnchor(current.seq(), current.hash(), at);
    }

    void logged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvents.Anchored anchor) {
        LOG.info("Audit anchor: seq=" + anchor.seq() + " hash=" + anchor.hash() + " at=" + anchor.at()
                + " by=" + anchor.by());
    }
}
