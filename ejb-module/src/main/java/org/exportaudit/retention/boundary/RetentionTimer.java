package org.exportaudit.retention.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs the retention every minute. Persistent: the timer store keeps it across restarts (in the
 * database, see server-config/cli/timers.cli), and a run missed while the server was down is made up
 * at start; in a cluster the store fires each tick on one node only. Every minute rather than every
 * hour: a run with nothing due is two indexed queries, and a purge due is then done within a minute
 * of its window closing, which is also how a test (or an operator) sees a real tick without waiting
 * an hour. Downloads check the window themselves, so a file is never served late between two runs.
 */
@Singleton
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no tables
@DenyAll // only the container calls it (the timer): it offers no business method to any caller
public class RetentionTimer {

    static final String INFO = "export-audit retention";

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @Inject
    Retention retention;

    @Schedule(hour = "*", minute = "*", persistent = true, info = INFO)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step commits on its own
    void apply() {
        int purged = 0;
        int batch;
        do {
            batch = retention.purgeFiles();
            purged += batch;
        } while (batch == Retention.FILES_PER_RUN);
        if (purged > 0) {
            LOG.info("Retention: purged " + purged + " export files past their download window");
        }
        long deleted = retention.deleteExpiredAudit();
        if (deleted > 0) {
            LOG.info("Retention: deleted " + deleted + " audit and download records past the retention");
        }
    }
}
