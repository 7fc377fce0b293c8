package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.platform.NodeName;

/**
 * What the export job tells the export as it runs. The job runs under the batch subsystem's
 * identity, not the user's, so these steps carry no role checks: the user was checked when the
 * export was requested. Each step commits on its own, at once: inside the job's transactions the
 * export's row would stay locked while a whole chunk is read and written, and a cancel would wait.
 * <p>
 * Fencing: in a cluster a node may go on running an export it lost (it hung past its lease and
 * another node took the export over, or a cancel through another node ended it). Every step takes
 * the export's row lock and acts only while this node still runs the export, so a lost run's
 * progress, count and file never count.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExportUpdates {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ExportEvent> events;

    @Inject
    ExportFolder files;

    @Inject
    NodeName node;

    public Export export(long exportId) {
        return em.find(Export.class, exportId);
    }

    /**
     * The export, or null when this node no longer runs it (cancelled before its job began, or
     * taken over by another node meanwhile).
     */
    public Export starting(long exportId, long jobExecutionId) {
        Export export = locked(exportId);
        if (export == null || !export.isRunBy(node.value())) {
            return null;
        }
        export.started(jobExecutionId);
        return export;
    }

    /**
     * Records the count; false once this node no longer runs the export. Only the first count is
     * announced: a run that took the export over counts again, and the large-export notices and
     * mails must not come twice (nor fail on the notice's once-per-admin constraint).
     */
    public boolean counted(long exportId, long records) {
        Export export = locked(exportId);
        if (!export.isRunBy(node.value())) {
            return false;
        }
        if (!export.counted(records)) {
            return true;
        }
        events.fire(new ExportEvents.Counted(exportId, export.requestedBy(), export.source(), export.fileName(),
                records, clock.instant()));
        return true;
    }

    /** Records progress at a checkpoint; false once the export was cancelled or taken over meanwhile. */
    public boolean progressed(long exportId, long written) {
        Export export = locked(exportId);
        if (!export.isRunBy(node.value())) {
            return false;
        }
        export.progressed(written);
        return true;
    }

    /**
     * The job wrote the whole file: it is moved into place and the export completes. If the
     * export was cancelled meanwhile, the file is deleted instead; if another node took it over,
     * only this node's file goes, and the other node's run decides.
     */
    public void finished(long exportId, long fileSize, String sha256) throws java.io.IOException {
        Export export = locked(exportId);
        if (export.isInProgress() && !export.isRunBy(node.value())) {
            files.discardOwnPartial(exportId);
            return;
        }
        if (!export.isInProgress()) {
            files.discard(exportId, export.format());
            return;
        }
        files.publish(exportId, export.format());
        export.complete(fileSize, sha256, clock.instant());
        events.fire(new ExportEvents.Completed(exportId, export.written(), fileSize, sha256, clock.instant()));
    }

    /**
     * The job ended without its file: whatever it wrote goes, and the export fails unless cancelled.
     * A job whose export another node runs now (taken over, or handed back at shutdown) removes
     * only its own partial file and leaves the export alone; so does one whose export completed
     * (through another node's run): the completed file is that run's.
     */
    public void abandoned(long exportId, ExportFailure failure) {
        Export export = locked(exportId);
        if (export == null) {
            return;
        }
        if (export.status() == ExportStatus.COMPLETED || export.isInProgress() && !export.isRunBy(node.value())) {
            files.discardOwnPartial(exportId);
            return;
        }
        files.discard(exportId, export.format());
        if (export.isInProgress()) {
            export.fail(failure.stored(), clock.instant());
            events.fire(new ExportEvents.Failed(exportId, failure.stored(), clock.instant()));
        }
    }

    /**
     * Moves out of PROCESSING take the row lock first, so that a cancel and the job's own end
     * cannot both win: whichever comes second sees the first one's outcome.
     */
    private Export locked(long exportId) {
        return em.find(Export.class, exportId, LockModeType.PESSIMISTIC_WRITE);
    }
}
