package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.TreeMap;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.notification.entity.KnownSuperAdmin;
import org.exportaudit.notification.entity.LargeExport;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.exportaudit.notification.entity.Notice;
import org.exportaudit.notification.entity.NoticeMail;
import org.exportaudit.notification.entity.OutgoingMail;

/**
 * An export waits for approval: every super admin but its requester — each one known to the
 * application, by a sign-in or a threshold — gets a notice and, with an address, an email that links
 * to the export. Written in the transaction that holds the export, like the large-export notices;
 * the one notice per admin and export also tells of a threshold the export exceeds.
 */
@ApplicationScoped
public class ApprovalRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    SourceCatalog catalog;

    @Inject
    NoticeLinks links;

    @Inject
    Event<MailQueued> queued;

    void awaiting(@Observes ExportEvents.AwaitingApproval awaiting) {
        Map<String, String> addresses = new TreeMap<>();
        Map<String, Integer> thresholds = new TreeMap<>();
        for (KnownSuperAdmin admin : em.createQuery("select a from KnownSuperAdmin a", KnownSuperAdmin.class).getResultList()) {
            addresses.put(admin.username(), admin.email());
        }
        for (LargeExportThreshold threshold : em.createQuery("select t from LargeExportThreshold t",
                LargeExportThreshold.class).getResultList()) {
            addresses.merge(threshold.admin(), threshold.email(), (signedIn, saved) -> signedIn != null ? signedIn : saved);
            if (threshold.isExceededBy(awaiting.records())) {
                thresholds.put(threshold.admin(), threshold.records());
            }
        }
        addresses.remove(awaiting.user()); // four eyes: the requester cannot approve, so is not asked
        LargeExport export = new LargeExport(awaiting.exportId(), awaiting.user(), awaiting.source(),
                catalog.labelOf(awaiting.source()), awaiting.fileName(), awaiting.records(), awaiting.at());
        boolean mail = false;
        for (Map.Entry<String, String> admin : addresses.entrySet()) {
            Notice notice = Notice.askingApproval(admin.getKey(), export, thresholds.get(admin.getKey()));
            em.persist(notice);
            if (admin.getValue() != null) {
                em.flush(); // the notice's id, for its mail
                em.persist(new OutgoingMail(notice.id(), admin.getValue(), NoticeMail.askingApproval(export,
                        admin.getKey(), awaiting.policy(), awaiting.until(), links.toExport(export.exportId())),
                        awaiting.at()));
                mail = true;
            }
        }
        if (mail) {
            queued.fire(new MailQueued());
        }
    }
}
