package org.exportaudit.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.audit.entity.AuditEvents;

/**
 * Once a change's audit record has committed, a chainer runs at once, on a thread of its own, so
 * that the change's caller never waits for the chain. Nudges that come while a run is queued are
 * one run: it chains every record pending by then.
 */
@ApplicationScoped
public class ChainTrigger {

    private static final Logger LOG = Logger.getLogger(ChainTrigger.class.getName());

    private final AtomicBoolean queued = new AtomicBoolean();

    @Inject
    Chaining chaining;

    @Resource
    ManagedExecutorService executor;

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvents.Written written) {
        if (queued.compareAndSet(false, true)) {
            executor.execute(this::chainAll);
        }
    }

    /** Chains until nothing is pending; what a failure leaves, the next run or the timer chains. */
    public void chainAll() {
        queued.set(false);
        try {
            while (chaining.chainPending() == Chaining.PER_RUN) {
                // a backlog: the next batch
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit records wait to be chained: " + e.getMessage(), e);
        }
    }
}
