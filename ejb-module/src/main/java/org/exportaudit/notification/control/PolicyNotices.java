package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.Deciders;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.notification.entity.KnownSuperAdmin;
import org.exportaudit.notification.entity.LargeExport;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.exportaudit.notification.entity.MailReader;
import org.exportaudit.notification.entity.Notice;
import org.exportaudit.notification.entity.NoticeMail;

/**
 * What export policies tell the super admins. An export waits for approval, or reached a notice
 * policy: every super admin but its requester — each one known to the application, by a sign-in or
 * a threshold — gets a notice and, with an address, an email that links to the export. Written in
 * the transaction that records the export, like the large-export notices; the one notice per admin
 * and export also tells of a threshold the export exceeds ({@link LargeExportAlerts} then adds none).
 */
@ApplicationScoped
public class PolicyNotices {

    @PersistenceContext
    EntityManager em;

    @Inject
    SourceCatalog catalog;

    @Inject
    NoticeLinks links;

    @Inject
    NoticePost notices;

    void awaiting(@Observes ExportEvents.AwaitingApproval awaiting) {
        LargeExport export = new LargeExport(awaiting.exportId(), awaiting.user(), awaiting.source(),
                catalog.labelOf(awaiting.source()), awaiting.fileName(), awaiting.records(), awaiting.at());
        tellEveryAdmin(export, true, (told, admin, link) -> NoticeMail.askingApproval(told, admin,
                said(awaiting.policyTerms(), awaiting.policy(), admin.locale()), awaiting.until(), link));
    }

    /** Runs before the Counted event of the same export, in the same transaction (see Exports.run). */
    void reached(@Observes ExportEvents.Ruled ruled) {
        if (ruled.action() != PolicyAction.NOTIFY) {
            return; // a step-up that passed is in the audit; the large-export thresholds still apply
        }
        Export ruledOn = em.find(Export.class, ruled.exportId());
        LargeExport export = new LargeExport(ruled.exportId(), ruled.user(), ruledOn.source(),
                catalog.labelOf(ruledOn.source()), ruledOn.fileName(), ruledOn.records(), ruled.at());
        tellEveryAdmin(export, false, (told, admin, link) -> NoticeMail.policyReached(told, admin,
                said(ruled.policyTerms(), ruled.policy(), admin.locale()), ruled.total(), link));
    }

    /** The policy in the reader's language, its source by its label there; in English as kept when it has no terms. */
    private String said(PolicyTerms policy, String english, Locale language) {
        return policy == null ? english : policy.in(language, source -> catalog.labelOf(source, language));
    }

    /** The mail to one admin about the export, its source named in the admin's language. */
    private interface MailTo {
        NoticeMail about(LargeExport export, MailReader reader, String link);
    }

    private void tellEveryAdmin(LargeExport export, boolean askApproval, MailTo mailTo) {
        Map<String, String> addresses = new TreeMap<>();
        Map<String, MailReader> readers = new TreeMap<>();
        Map<String, Integer> thresholds = new TreeMap<>();
        for (KnownSuperAdmin admin : em.createQuery("select a from KnownSuperAdmin a", KnownSuperAdmin.class).getResultList()) {
            addresses.put(admin.username(), admin.email());
            readers.put(admin.username(), admin.reader());
        }
        for (LargeExportThreshold threshold : em.createQuery("select t from LargeExportThreshold t",
                LargeExportThreshold.class).getResultList()) {
            addresses.merge(threshold.admin(), threshold.email(), (signedIn, saved) -> signedIn != null ? signedIn : saved);
            if (threshold.isExceededBy(export.records())) {
                thresholds.put(threshold.admin(), threshold.records());
            }
        }
        // four eyes: only super admins who may decide on it are asked, or told; the requester is neither
        addresses.keySet().removeIf(admin -> !Deciders.mayBeDecided(export.user(), admin, true));
        String link = links.toExport(export.exportId());
        boolean mail = false;
        for (Map.Entry<String, String> admin : addresses.entrySet()) {
            Notice notice = askApproval ? Notice.askingApproval(admin.getKey(), export, thresholds.get(admin.getKey()))
                    : new Notice(admin.getKey(), export, thresholds.get(admin.getKey()));
            MailReader reader = readers.getOrDefault(admin.getKey(), MailReader.of(admin.getKey()));
            mail |= notices.post(notice, admin.getValue(),
                    () -> mailTo.about(export.labelled(catalog.labelOf(export.source(), reader.locale())), reader, link),
                    export.at());
        }
        if (mail) {
            notices.sendQueued();
        }
    }
}
