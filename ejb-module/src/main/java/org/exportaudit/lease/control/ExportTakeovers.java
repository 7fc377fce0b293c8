package org.exportaudit.lease.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.control.ExportJobs;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.platform.NodeName;

/**
 * Takes over an export whose node was lost (its lease ran out, or it was handed back) and runs it
 * again on this node. Several nodes may try at once: each takes the export's row lock and decides
 * on what it then reads, so the first one wins and the others find a live lease and leave it.
 * <p>
 * The export runs again from zero, not from its last checkpoint: an XLSX file is a zip stream,
 * which cannot be resumed in the middle of an entry (the deflater's state is not in the file), and
 * one path for both formats is one path to trust. The new run writes a fresh partial file of its
 * own and reads the source in its {@code orderBy}, so the finished file is byte for byte what an
 * uninterrupted run writes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExportTakeovers {

    private static final Logger LOG = Logger.getLogger(ExportTakeovers.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    NodeName node;

    @Inject
    Lease lease;

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFolder files;

    @Inject
    Event<ExportEvent> events;

    /**
     * Takes the export over if it is still orphaned once locked; an export that cannot be taken
     * over fails with the reason. The audit records either in this transaction; the new job starts
     * once it commits ({@link ExportJobs}).
     */
    public void takeOver(long exportId) {
        Export export = em.find(Export.class, exportId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (export == null || !export.isOrphaned(now)) {
            return; // another node took it over first, or it ended meanwhile
        }
        ExportFailure refusal = refusal(export);
        if (refusal != null) {
            files.discard(exportId, export.format());
            export.fail(refusal.stored(), now);
            events.fire(new ExportEvents.Failed(exportId, refusal.stored(), now));
            return;
        }
        String from = export.takeOver(node.value(), lease.from(now));
        LOG.info(() -> "Took over export " + exportId + " from " + from + " (takeover " + export.lease().takeovers() + ")");
        events.fire(new ExportEvents.TakenOver(exportId, from, node.value(), export.lease().takeovers(), now));
    }

    /** Why this node cannot run the export again, or null if it can. */
    private ExportFailure refusal(Export export) {
        if (!export.lease().mayBeTakenOver()) {
            return ExportFailure.lostServers(export.lease().takeovers());
        }
        if (!catalog.isDeclared(export.source())) {
            return ExportFailure.sourceGone(node.value());
        }
        return null;
    }
}
