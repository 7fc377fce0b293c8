package org.exportaudit.export.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** The last step: the complete file is moved into place and the export completes. */
@Named
@Dependent // a bean-defining scope, so that JBeret finds the artifact by its name
public class PublishFile extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String exportId;

    @Inject
    JobContext job;

    @Inject
    ExportProgress progress;

    @Override
    public String process() throws Exception {
        ExportRun run = ExportRun.of(job);
        if (!run.isWritten()) {
            return BatchStatus.STOPPED.name(); // cancelled before a row was read
        }
        progress.finished(Long.parseLong(exportId), run.fileSize(), run.sha256());
        run.published();
        return BatchStatus.COMPLETED.name();
    }
}
