package org.exportaudit.export.control;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The export that the current job execution runs, as each of the job's artifacts sees it: its
 * id, from the job parameters, and what the steps tell each other ({@link StepHandover}, kept for
 * the execution in the job context).
 */
@Dependent
public class CurrentExport {

    /** The one job parameter: which export to run. */
    static final String EXPORT_ID = "exportId";

    @Inject
    JobContext job;

    /** Read from the job repository once per execution, not once per artifact. */
    public long id() {
        StepHandover run = run();
        if (run.exportId() == null) {
            run.exportId(Long.parseLong(BatchRuntime.getJobOperator().getParameters(job.getExecutionId())
                    .getProperty(EXPORT_ID)));
        }
        return run.exportId();
    }

    long executionId() {
        return job.getExecutionId();
    }

    StepHandover run() {
        return StepHandover.of(job);
    }
}
