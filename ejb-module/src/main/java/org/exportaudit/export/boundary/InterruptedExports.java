package org.exportaudit.export.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.exportaudit.export.control.ExportUpdates;
import org.exportaudit.export.control.ExportJobs;

/**
 * Crash recovery. An export whose server died while it ran would otherwise stay PROCESSING
 * forever: at start, every export still in progress is marked FAILED (interrupted) and its partial
 * file removed. The user starts it again; a fresh file is simpler to trust than a resumed one.
 * This assumes one server runs the exports of its database.
 * <p>
 * An orderly stop (undeploy, shutdown) does the same before the application goes, and stops the
 * export jobs and waits for them: a job left running would go on using the application's beans
 * after they are gone (WELD-000229 errors, one per job).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@DenyAll // only the container calls it (start and stop): no other deployment may
public class InterruptedExports {

    private static final Logger LOG = Logger.getLogger(InterruptedExports.class.getName());

    /** How long a shutdown waits for the jobs to end: a chunk step sees a stop after its current item. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    static final String REASON = "Interrupted: the server stopped while the export was running.";

    @Inject
    ExportUpdates progress;

    @Inject
    ExportJobs jobs;

    @PostConstruct
    void failInterrupted() {
        List<Long> interrupted = progress.interrupted();
        interrupted.forEach(id -> progress.abandoned(id, REASON));
        if (!interrupted.isEmpty()) {
            LOG.warning(() -> "Marked " + interrupted.size() + " interrupted export(s) as failed: " + interrupted);
        }
    }

    // Outside a transaction: a job's stop is written to the job repository, and each job's own end
    // updates the same rows, so inside one the jobs would wait for this method, and it for them.
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stopRunning() {
        // Failed first, with the crash recovery's reason: each stopped job's own end then finds its
        // export no longer in progress, and only removes the partial file.
        List<Long> running = progress.interrupted();
        running.forEach(id -> progress.abandoned(id, REASON));
        jobs.stopAll();
        boolean ended = jobs.awaitNoneRunning(STOP_WAIT);
        if (!running.isEmpty() || !ended) {
            LOG.warning("Stopped " + running.size() + " running export(s) on shutdown, marked failed: " + running
                    + (ended ? "" : "; some export jobs still ran after " + STOP_WAIT.toSeconds() + " s"));
        }
    }
}
