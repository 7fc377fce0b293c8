package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportStatus;

/**
 * The exports whose files are due for purge: what {@link Export#isDueForPurge} says of one export, asked of the
 * database for all of them at once (the retention timer runs every minute over possibly many exports). The cutoff is
 * the {@link DownloadWindow}'s, as the entity's. {@code FilesDueForPurgeTest} runs this query on H2 against the
 * entity's rule, so that the two cannot drift apart.
 */
@ApplicationScoped
public class FilesDueForPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    DownloadWindow downloadWindow;

    /** At most {@code max} of them at {@code now}, the longest ended first. */
    public List<Export> oldest(Instant now, int max) {
        return em.createQuery("select e from Export e where e.status = :completed"
                        + " and e.recordedByHost = false and e.file.purgedAt is null and e.endedAt <= :cutoff"
                        + " order by e.endedAt", Export.class)
                .setParameter("completed", ExportStatus.COMPLETED)
                .setParameter("cutoff", downloadWindow.closedUpTo(now))
                .setMaxResults(max)
                .getResultList();
    }
}
