package org.exportaudit.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.exportaudit.notification.control.MailQueued;

/** Once queued mail has committed, the outbox sends it at once rather than at its timer's next run. */
@ApplicationScoped
public class OutboxTrigger {

    @Inject
    MailOutbox outbox;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        outbox.sendSoon();
    }
}
