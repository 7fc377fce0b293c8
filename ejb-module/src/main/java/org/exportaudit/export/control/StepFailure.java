package org.exportaudit.export.control;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps why a step failed, so that the export's failure says it. */
@Named
@Dependent // a bean-defining scope, so that JBeret finds the artifact by its name
public class StepFailure extends AbstractStepListener {

    @Inject
    CurrentExport running;

    @Inject
    StepContext step;

    @Override
    public void afterStep() {
        if (step.getException() != null) {
            running.run().failed(step.getException());
        }
    }
}
