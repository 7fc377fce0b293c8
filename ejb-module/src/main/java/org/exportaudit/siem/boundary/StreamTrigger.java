package org.exportaudit.siem.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.exportaudit.audit.entity.AuditAppended;

/**
 * Once an audit record has committed, the stream sends it, on a thread of its own: the request, the
 * export or the download that wrote it does not wait for any receiver. A rolled back record is
 * never sent.
 */
@ApplicationScoped
public class StreamTrigger {

    @Inject
    AuditStream stream;

    void appended(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditAppended appended) {
        stream.deliverSoon();
    }
}
