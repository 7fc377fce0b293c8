package org.exportaudit.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.exportaudit.notification.control.MailQueued;

/** Once queued mail has committed, the outbox sends it at once, on a thread of its own. */
@ApplicationScoped
public class OutboxTrigger {

    @Inject
    MailOutbox outbox;

    @Resource
    ManagedExecutorService executor;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        executor.execute(outbox::sendDue);
    }
}
