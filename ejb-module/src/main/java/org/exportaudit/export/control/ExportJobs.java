package org.exportaudit.export.control;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Properties;
import org.exportaudit.export.entity.ExportEvents;

/**
 * Starts and stops export jobs once the request or the cancel has committed: a job started
 * inside the request's transaction could look for its export before that export exists.
 */
@ApplicationScoped
public class ExportJobs {

    static final String JOB = "export-records";

    @Inject
    SourceQueries queries;

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

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
