package org.exportaudit.web.pages;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.exportaudit.audit.boundary.Downloads;
import org.exportaudit.audit.boundary.ExportFile;
import org.exportaudit.client.ExportFileGone;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportStillRunning;
import org.exportaudit.web.api.AttachmentName;
import org.exportaudit.web.api.ClientAddress;

/**
 * The download link of the export log ({@code /files/<id>}), for people signed in on the pages;
 * scripts use {@code /api/v1/exports/<id>/file}. Same rules, same record of the download.
 */
@WebServlet("/files/*")
public class FileDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ClientAddress clientAddress = ClientAddress.configured();

    @Inject
    transient Downloads downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[0-9]{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportFile file;
        try {
            file = downloads.download(Long.parseLong(path.substring(1)),
                    clientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
                    request.getHeader("User-Agent"));
        } catch (ExportNotFound missing) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (ExportFileGone | ExportStillRunning unavailable) {
            response.sendError(unavailable instanceof ExportFileGone ? HttpServletResponse.SC_GONE
                    : HttpServletResponse.SC_CONFLICT, unavailable.getMessage());
            return;
        } catch (EJBAccessException refused) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", AttachmentName.header(file.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        Files.copy(file.path(), response.getOutputStream());
    }
}
