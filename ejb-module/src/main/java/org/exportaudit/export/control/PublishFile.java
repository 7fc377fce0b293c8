package org.exportaudit.export.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step: the complete file is moved into place and the export completes. */
@Named
@Dependent // a bean-defining scope, so that JBeret finds the artifact by its name
public class PublishFile extends AbstractBatchlet {

    @Inject
    CurrentExport running;

    @Inject
    ExportUpdates progress;

    @Override
    public String process() throws Exception {
        StepHandover run = running.run();
        if (!run.isWritten()) {
            return BatchStatus.STOPPED.name(); // cancelled before a row was read
        }
        progress.finished(running.id(), run.fileSize(), run.sha256());
        run.published();
        return BatchStatus.COMPLETED.name();
    }
}
