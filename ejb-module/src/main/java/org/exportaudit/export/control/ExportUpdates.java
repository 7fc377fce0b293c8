package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportStatus;

/**
 * What the export job tells the export as it runs. The job runs under the batch subsystem's
 * identity, not the user's, so these steps carry no role checks: the user was checked when the
 * export was requested. Each step commits on its own, at once: inside the job's transactions the
 * export's row would stay locked while a whole chunk is read and written, and a cancel would wait.
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
    ExportFiles files;

    public Export export(long exportId) {
        return em.find(Export.class, exportId);
    }

    /** The export, or null when it is no longer in progress (cancelled before its job began). */
    public Export starting(long exportId, long jobExecutionId) {
        Export export = em.find(Export.class, exportId);
        if (export == null || !export.isInProgress()) {
            return null;
        }
        export.started(jobExecutionId);
        return export;
    }

    public boolean counted(long exportId, long records) {
        Export export = locked(exportId);
        if (!export.isInProgress()) {
            return false;
        }
        export.counted(records);
        events.fire(new ExportEvents.Counted(exportId, export.requestedBy(), export.source(), export.fileName(),
                records, clock.instant()));
        return true;
    }

    /** Records progress at a checkpoint; false once the export was cancelled meanwhile. */
    public boolean progressed(long exportId, long written) {
        Export export = em.find(Export.class, exportId);
        if (!export.isInProgress()) {
            return false;
        }
        export.progressed(written);
        return true;
    }

    /**
     * The job wrote the whole file: it is moved into place and the export completes. If the
     * export was cancelled meanwhile, the file is deleted instead.
     */
    public void finished(long exportId, long fileSize, String sha256) throws java.io.IOException {
        Export export = locked(exportId);
        if (!export.isInProgress()) {
            files.discard(exportId, export.format());
            return;
        }
        files.publish(exportId, export.format());
        export.complete(fileSize, sha256, clock.instant());
        events.fire(new ExportEvents.Completed(exportId, export.written(), fileSize, sha256, clock.instant()));
    }

    /** The job ended without its file: whatever it wrote goes, and the export fails unless cancelled. */
    public void abandoned(long exportId, String reason) {
        Export export = locked(exportId);
        if (export == null) {
            return;
        }
        files.discard(exportId, export.format());
        if (export.isInProgress()) {
            export.fail(reason, clock.instant());
            events.fire(new ExportEvents.Failed(exportId, reason, clock.instant()));
        }
    }

    /**
     * Moves out of PROCESSING take the row lock first, so that a cancel and the job's own end
     * cannot both win: whichever comes second sees the first one's outcome.
     */
    private Export locked(long exportId) {
        return em.find(Export.class, exportId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Exports that were running when the server stopped. */
    public List<Long> interrupted() {
        return em.createQuery("select e.id from Export e where e.status = :status", Long.class)
                .setParameter("status", ExportStatus.PROCESSING)
                .getResultList();
    }
}
