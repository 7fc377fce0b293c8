package org.exportaudit.export.control;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.platform.Incident;

/**
 * Whatever way the job ends, the export ends with it: a job that did not publish its file (it
 * failed, or was stopped by a cancel) leaves no file behind, and its export is marked failed
 * unless it was cancelled, in our words: the cause is logged under the failure's incident id. It also tells {@link ExportJobs} which jobs run, for a shutdown to wait.
 */
@Named
@Dependent // a bean-defining scope, so that JBeret finds the artifact by its name
public class EndOfJob extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(EndOfJob.class.getName());

    @Inject
    CurrentExport running;

    @Inject
    ExportUpdates progress;

    @Inject
    ExportJobs jobs;

    @Override
    public void beforeJob() {
        jobs.began(running.id(), running.executionId());
    }

    @Override
    public void afterJob() {
        try {
            StepHandover run = running.run();
            if (!run.isPublished()) {
                ExportFailure failure = run.failure() == null ? ExportFailure.stopped()
                        : ExportFailure.failed(Incident.logged(LOG, "export " + running.id() + " failed", run.failure()));
                progress.abandoned(running.id(), failure);
            }
        } finally {
            jobs.ended(running.id(), running.executionId()); // last: a shutdown waits for this
        }
    }
}
