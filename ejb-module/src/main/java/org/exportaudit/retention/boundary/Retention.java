package org.exportaudit.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.exportaudit.audit.control.TrailRetention;
import org.exportaudit.export.control.FilesDueForPurge;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.retention.control.AuditRetentionSetting;

/**
 * Applies the retention policy: what the timer runs. A CDI bean, not an EJB: an EJB would have a
 * java:global name through which any other deployment on the server could purge files and delete
 * audit records. Only {@link RetentionTimer} calls it; each call is a transaction of its own.
 */
@ApplicationScoped
@Transactional
public class Retention {

    /** Purges at most this many files per transaction, so that a backlog never makes one huge one. */
    static final int FILES_PER_RUN = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditRetentionSetting policy;

    @Inject
    TrailRetention trail;

    @Inject
    FilesDueForPurge dueForPurge;

    @Inject
    Event<ExportEvents.Purged> purged;

    /**
     * Marks the files of exports that left the download window as purged; each file is deleted
     * from the folder once that commits ({@code ExportFolder}). Returns how many it purged. Which
     * are due, {@link FilesDueForPurge} says: what {@link Export#isDueForPurge} says. Each export is then claimed by a conditional update (purged_at
     * set only where it is still null): should two runs overlap (two nodes of a cluster, a run made
     * up at start beside a tick), the database lets one of them change the row, the other waits for
     * its commit and changes nothing, so each file is purged, and audited, once. Not a check in Java
     * (both runs would pass it) and not SELECT ... FOR UPDATE (EclipseLink's H2 platform cannot
     * write it with a row limit).
     */
    public int purgeFiles() {
        Instant now = clock.instant();
        List<Export> due = dueForPurge.oldest(now, FILES_PER_RUN);
        int claimed = 0;
        for (Export export : due) {
            int changed = em.createQuery("update Export e set e.file.purgedAt = :now where e.id = :id and e.file.purgedAt is null")
                    .setParameter("now", now)
                    .setParameter("id", export.id())
                    .executeUpdate();
            if (changed == 1) {
                purged.fire(new ExportEvents.Purged(export.id(), export.format(), now));
                claimed++;
            }
        }
        return claimed;
    }

    /**
     * Deletes audit records and download records older than the retention: the only deletion the
     * audit ever sees, from the start of its chain, with a checkpoint. Returns how many rows went.
     */
    public long deleteExpiredAudit() {
        Instant now = clock.instant();
        return deleteAuditOccurredBefore(now.minus(policy.auditRetention()), now);
    }

    /**
     * Deletes the audit records and download records that occurred before {@code cutoff}: what
     * {@link #deleteExpiredAudit()} does with the retention's cutoff.
     */
    public long deleteAuditOccurredBefore(Instant cutoff, Instant now) {
        long audit = trail.deleteOccurredBefore(cutoff, now);
        int downloads = em.createQuery("delete from Download d where d.at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        return audit + downloads;
    }
}
