package org.exportaudit.export.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.exportaudit.export.control.ApprovalExpiry;

/**
 * Every ten seconds, approval requests that nobody answered in time ({@code export-audit.approval.expiry},
 * 72 hours by default) become EXPIRED: the requester reads EXPIRED moments after the deadline, and a
 * tick that finds nothing due costs one indexed query. Persistent, like the retention timer: in a
 * cluster each tick fires on one node, and a tick missed while the server was down is made up at start.
 */
@Singleton
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no tables
@DenyAll // only the container calls it
public class ApprovalExpiryTimer {

    static final String INFO = "export-audit approval expiry";

    private static final Logger LOG = Logger.getLogger(ApprovalExpiryTimer.class.getName());

    @Inject
    ApprovalExpiry expiry;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = INFO)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch commits on its own
    void expire() {
        int expired = 0;
        int batch;
        do {
            batch = expiry.expireDue();
            expired += batch;
        } while (batch == ApprovalExpiry.PER_RUN);
        if (expired > 0) {
            LOG.info("Approval requests expired unanswered: " + expired);
        }
    }
}
