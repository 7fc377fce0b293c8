package org.exportaudit.export.control;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.exportaudit.export.entity.ExportEvents;

/**
 * Starts and stops export jobs once the request (or its approval), the takeover or the cancel has committed: a job
 * started inside the request's transaction could look for its export before that export exists.
 * Knows which exports run in this server, and in which job execution, so that a shutdown can wait
 * for them to end and the lease heartbeat can stop those that this node lost.
 */
@ApplicationScoped
public class ExportJobs {

    static final String JOB = "export-records";

    @Inject
    RunningQueries queries;

    @Inject
    ExportUpdates updates;

    /** Its own (server-config/cli/batch.cli): not behind the mail and SIEM deliveries of the default one. */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/export-audit-job-starts")
    ManagedExecutorService starter;

    /**
     * The export jobs running in this server, by export, from their listener's start to its end;
     * guarded by itself, not by synchronized methods: the callers hold a client proxy, whose monitor
     * a waiting shutdown would keep.
     */
    private final Map<Long, Long> running = new HashMap<>();

    /**
     * On a thread of its own ({@link JobStart}), so that the request which cleared the export does
     * not wait for the job repository. Until the job begins, the export is PROCESSING on this node
     * with its lease renewed: a cancel meanwhile ends it, and the job, when it begins, finds it no
     * longer its own; should the node stop first, the export is handed back and taken over.
     */
    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.Cleared cleared) {
        JobStart start = jobStart(cleared.exportId());
        try {
            starter.execute(start);
        } catch (RejectedExecutionException stopping) {
            start.run(); // the executor stops with the server: the request's thread starts the job, as it used to
        }
    }

    /**
     * A taken over export runs again in a new job execution, not a restart of the lost node's: that
     * one is still STARTED in the job repository (a crashed node never ends it), and a restart
     * would resume a file that this node never wrote.
     */
    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.TakenOver takenOver) {
        jobStart(takenOver.exportId()).run(); // on the takeover timer's thread: no request waits for it
    }

    private JobStart jobStart(long exportId) {
        return JobStart.here(exportId, ExportJobs::startJob, updates::abandoned);
    }

    private static void startJob(long exportId) {
        Properties parameters = new Properties();
        parameters.setProperty(CurrentExport.EXPORT_ID, Long.toString(exportId));
        operator().start(JOB, parameters);
    }

    /**
     * A cancel stops the job if it runs here: it stops between two items, and its source query,
     * which may run for minutes before the first rows come, is cancelled in the database at once.
     * If the export runs on another node, that node's lease heartbeat sees the cancel within a
     * second and stops its job the same way ({@link #stopLost}).
     */
    void stop(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.Cancelled cancelled) {
        stopLost(Set.of(cancelled.exportId()));
    }

    /** Stops the jobs of exports that this node no longer runs (cancelled, here or elsewhere, or taken over). */
    public void stopLost(Collection<Long> exportIds) {
        for (long exportId : exportIds) {
            try {
                Long execution;
                synchronized (running) {
                    execution = running.get(exportId);
                }
                if (execution != null) {
                    stopJob(execution);
                } // else the job has not begun here; when it does, it finds the export not its own and reads nothing
            } finally {
                queries.cancel(exportId);
            }
        }
    }

    private static void stopJob(long execution) {
        try {
            operator().stop(execution);
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException ended) {
            // it ended by itself meanwhile, and saw the cancel when it did
        }
    }

    void began(long exportId, long executionId) {
        synchronized (running) {
            running.put(exportId, executionId);
        }
    }

    void ended(long exportId, long executionId) {
        synchronized (running) {
            running.remove(exportId, executionId);
            running.notifyAll();
        }
    }

    /** The exports whose jobs run in this server now. */
    public Set<Long> runningExports() {
        synchronized (running) {
            return Set.copyOf(running.keySet());
        }
    }

    /**
     * Stops every export job running in this server. On undeploy the batch subsystem may have
     * stopped them already, and its job operator with them.
     */
    public void stopAll() {
        queries.cancelAll(); // a job sees its stop only between two items, after its query returned rows
        Collection<Long> executions;
        synchronized (running) {
            executions = Set.copyOf(running.values());
        }
        for (Long execution : executions) {
            try {
                operator().stop(execution);
            } catch (JobExecutionNotRunningException | NoSuchJobExecutionException ended) {
                // it ended meanwhile
            } catch (IllegalStateException batchServiceStopped) {
                return; // WFLYBATCH000004: the batch subsystem has stopped this deployment's jobs itself
            }
        }
    }

    /** Waits until no export job runs in this server, at most for the limit; false if some still do. */
    public boolean awaitNoneRunning(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    running.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
