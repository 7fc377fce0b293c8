package org.exportaudit.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.exportaudit.audit.entity.Download;
import org.exportaudit.audit.entity.FileDownloaded;
import org.exportaudit.audit.view.DownloadView;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.control.Viewer;
import org.exportaudit.export.control.VisibleExports;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;

/**
 * Downloads of export files: the owner or a super admin, within the download window, and every
 * download recorded with who, from where and with what. Others' exports do not exist for the
 * caller (404); why any other export's file cannot be downloaded, the export says
 * ({@link Export#whyNotDownloadable}).
 */
@Stateless
@RolesAllowed({Roles.EXPORT, Roles.SUPER_ADMIN})
public class Downloads {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    DownloadWindow downloadWindow;

    @Inject
    ExportFolder files;

    @Inject
    VisibleExports visibleExports;

    @Inject
    Event<FileDownloaded> downloads;

    /**
     * Records that the caller downloads the export's file, from {@code ipAddress} with
     * {@code userAgent}, and hands it over to stream.
     */
    public DownloadableFile download(long exportId, String ipAddress, String userAgent) {
        Viewer caller = Viewer.of(session);
        Export export = visibleExports.find(exportId, caller);
        Instant now = clock.instant();
        Refusal notDownloadable = export.whyNotDownloadable(now, downloadWindow);
        if (notDownloadable != null) {
            throw notDownloadable;
        }
        Path file = files.completed(exportId, export.format());
        if (!Files.isRegularFile(file)) {
            throw Refusal.gone("file-gone", "export.file-gone", exportId, Refusal.term("file-gone.missing"));
        }
        FileDownloaded downloaded = new FileDownloaded(exportId, caller.name(), ipAddress, userAgent, now);
        em.persist(new Download(downloaded));
        downloads.fire(downloaded);
        return new DownloadableFile(file, export.fileName(), export.format().contentType(), export.file().size());
    }

    /** Who downloaded the export's file, newest first: for super admins only. */
    @RolesAllowed(Roles.SUPER_ADMIN)
    public List<DownloadView> history(long exportId) {
        visibleExports.find(exportId, Viewer.of(session)); // a super admin sees every export: it must exist
        return em.createQuery("select d from Download d where d.exportId = :export order by d.at desc, d.id desc",
                        Download.class)
                .setParameter("export", exportId)
                .setMaxResults(1_000)
                .getResultList().stream()
                .map(download -> new DownloadView(download.user(), download.ipAddress(), download.userAgent(), download.at()))
                .toList();
    }
}
