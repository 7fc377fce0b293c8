package org.exportaudit.lease.boundary;

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
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.control.ExportJobs;
import org.exportaudit.lease.control.ExportLeases;
import org.exportaudit.platform.NodeName;

/**
 * Exports that this node stops running without finishing them are handed back, not failed: any
 * node of the cluster (this one too, after its restart) takes them over and runs them again
 * ({@link ExportLeaseTimer}).
 * <p>
 * At start, the exports still owned by this node's name are those its previous life was running
 * when it died: they are handed back at once, rather than after their lease runs out. Exports of
 * other nodes are never touched here: their leases say whether those nodes live.
 * <p>
 * An orderly stop (undeploy, shutdown) hands back this node's exports, then stops their jobs and
 * waits for them: a job left running would go on using the application's beans after they are gone
 * (WELD-000229 errors, one per job).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@DenyAll // only the container calls it (start and stop): no other deployment may
public class InterruptedExports {

    private static final Logger LOG = Logger.getLogger(InterruptedExports.class.getName());

    /** How long a shutdown waits for the jobs to end: a chunk step sees a stop after its current item. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    @Inject
    ExportLeases leases;

    @Inject
    ExportJobs jobs;

    @Inject
    NodeName node;

    @PostConstruct
    void handBackInterrupted() {
        List<Long> interrupted = leases.handBack();
        if (!interrupted.isEmpty()) {
            LOG.warning(() -> "Handed back " + interrupted.size() + " export(s) that " + node
                    + " was running when it stopped, to be taken over: " + interrupted);
        }
    }

    // Outside a transaction: a job's stop is written to the job repository, and each job's own end
    // updates the same rows, so inside one the jobs would wait for this method, and it for them.
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stopRunning() {
        // Handed back first: each stopped job's own end then finds that this node no longer runs
        // its export, and only removes its partial file.
        List<Long> running = leases.handBack();
        jobs.stopAll();
        boolean ended = jobs.awaitNoneRunning(STOP_WAIT);
        if (!running.isEmpty() || !ended) {
            LOG.warning("Stopped " + running.size() + " running export(s) on shutdown, handed back to be taken over: "
                    + running + (ended ? "" : "; some export jobs still ran after " + STOP_WAIT.toSeconds() + " s"));
        }
    }
}
