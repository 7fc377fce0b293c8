package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.notification.entity.LargeExport;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.exportaudit.notification.entity.MailReader;
import org.exportaudit.notification.entity.Notice;
import org.exportaudit.notification.entity.NoticeMail;

/**
 * As soon as an export's records are counted — before its first row is written — every super
 * admin whose threshold it exceeds gets an in-app notice and, if their account has an address, an
 * email in the outbox. Both are written in the transaction that records the count, so they exist
 * exactly when the count does; the email goes out once that commits ({@link MailQueued}).
 */
@ApplicationScoped
public class LargeExportAlerts {

    @PersistenceContext
    EntityManager em;

    @Inject
    SourceCatalog catalog;

    @Inject
    NoticeLinks links;

    @Inject
    NoticePost notices;

    @Inject
    MailReaders readers;

    void counted(@Observes ExportEvents.Counted counted) {
        // A notice policy told every admin of this export already (PolicyNotices), thresholds included
        List<String> told = em.createQuery("select n.admin from Notice n where n.exportId = :export", String.class)
                .setParameter("export", counted.exportId())
                .getResultList();
        // One row per super admin, so all of them are read and the entity decides which are
        // exceeded: the comparison is written once, in LargeExportThreshold.isExceededBy.
        List<LargeExportThreshold> exceeded = em.createQuery(
                        "select t from LargeExportThreshold t order by t.admin", LargeExportThreshold.class)
                .getResultStream()
                .filter(threshold -> threshold.isExceededBy(counted.records()))
                .filter(threshold -> !told.contains(threshold.admin()))
                .toList();
        if (exceeded.isEmpty()) {
            return;
        }
        LargeExport export = new LargeExport(counted.exportId(), counted.user(), counted.source(),
                catalog.labelOf(counted.source()), counted.fileName(), counted.records(), counted.at());
        boolean mail = false;
        for (LargeExportThreshold threshold : exceeded) {
            mail |= notices.post(new Notice(threshold.admin(), export, threshold.records()), threshold.email(), () -> {
                MailReader reader = readers.of(threshold.admin());
                return NoticeMail.about(export.labelled(catalog.labelOf(export.source(), reader.locale())), reader,
                        threshold.records(), links.toExport(export.exportId()));
            }, counted.at());
        }
        if (mail) {
            notices.sendQueued();
        }
    }
}
