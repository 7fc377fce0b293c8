package org.exportaudit.export.control;

import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.platform.Incident;

/**
 * The start of one export's job, off the thread of the request that cleared the export: JBeret's
 * job repository writes the job's instance and execution before its start returns, round trips
 * that the request need not wait for (while exports run, each waits for a core).
 * <p>
 * The batch runtime finds a deployment's jobs by the thread's context class loader, so the task
 * runs with the one the request's thread had, where the start always found them: the executor's
 * own context is another one when a host application's call through the EJB API cleared the
 * export, and the job was then never found. A start that fails all the same is logged and fails
 * its export, which would otherwise stay PROCESSING with a lease this node keeps renewing.
 */
final class JobStart implements Runnable {

    private static final Logger LOG = Logger.getLogger(JobStart.class.getName());

    /** What a failed start does to its export: {@link ExportUpdates#abandoned}. */
    interface Failure {
        void failed(long exportId, ExportFailure failure);
    }

    private final long exportId;
    private final ClassLoader deployment;
    private final LongConsumer start;
    private final Failure failure;

    JobStart(long exportId, ClassLoader deployment, LongConsumer start, Failure failure) {
        this.exportId = exportId;
        this.deployment = deployment;
        this.start = start;
        this.failure = failure;
    }

    /** On the request's thread: with the class loader it has now. */
    static JobStart here(long exportId, LongConsumer start, Failure failure) {
        return new JobStart(exportId, Thread.currentThread().getContextClassLoader(), start, failure);
    }

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(deployment);
        try {
            start.accept(exportId);
        } catch (RuntimeException refused) {
            fail(ExportFailure.notStarted(Incident.logged(LOG, "the job of export " + exportId
                    + " did not start; the export fails", refused)));
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    private void fail(ExportFailure why) {
        try {
            failure.failed(exportId, why);
        } catch (RuntimeException unrecorded) {
            LOG.log(Level.SEVERE, "Export " + exportId + " could not be marked FAILED after its job did not start;"
                    + " it stays PROCESSING until this node hands it back", unrecorded);
        }
    }
}
