package org.exportaudit.export.control;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.exportaudit.export.entity.ExportEvents;

/**
 * Starts and stops export jobs once the request or the cancel has committed: a job started
 * inside the request's transaction could look for its export before that export exists. Knows
 * which of its jobs run in this server, so that a shutdown can wait for them to end.
 */
@ApplicationScoped
public class ExportJobs {

    static final String JOB = "export-records";

    @Inject
    SourceQueries queries;

    /**
     * The job executions running in this server, from their listener's start to its end; guarded
     * by itself, not by synchronized methods: the callers hold a client proxy, whose monitor a
     * waiting shutdown would keep.
     */
    private final Set<Long> running = new HashSet<>();

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.Requested requested) {
        Properties parameters = new Properties();
        parameters.setProperty(CurrentExport.EXPORT_ID, Long.toString(requested.exportId()));
        operator().start(JOB, parameters);
    }

    /**
     * The job stops between two items; its source query, which may run for minutes before the
     * first rows come, is cancelled in the database at once.
     */
    void stop(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.Cancelled cancelled) {
        try {
            stopJob(cancelled);
        } finally {
            queries.cancel(cancelled.exportId());
        }
    }

    private void stopJob(ExportEvents.Cancelled cancelled) {
        if (cancelled.jobExecutionId() == null) {
            return; // the job has not begun; when it does, it finds the export cancelled and reads nothing
        }
        try {
            operator().stop(cancelled.jobExecutionId());
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException ended) {
            // it ended by itself meanwhile, and saw the cancel when it did
        }
    }

    void began(long executionId) {
        synchronized (running) {
            running.add(executionId);
        }
    }

    void ended(long executionId) {
        synchronized (running) {
            running.remove(executionId);
            running.notifyAll();
        }
    }

    /**
     * Stops every export job running in this server. On undeploy the batch subsystem may have
     * stopped them already, and its job operator with them.
     */
    public void stopAll() {
        queries.cancelAll(); // a job sees its stop only between two items, after its query returned rows
        List<Long> executions;
        synchronized (running) {
            executions = List.copyOf(running);
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
