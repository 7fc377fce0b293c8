package org.exportaudit.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.ExportsLocal;
import org.exportaudit.client.RecordedExport;

/**
 * A host application in a deployment of its own: it signs its users in with its own security
 * domain and calls Export Audit through the local EJB API, as the signed-in user.
 * {@code POST start?source&format}, {@code POST record?source&format&records},
 * {@code POST cancel?id}, {@code GET find?id}; under {@code /signed-in/} or {@code /anonymous/}.
 */
@WebServlet({"/signed-in/*", "/anonymous/*"})
public class HostApplication extends HttpServlet {

    @EJB(lookup = "java:global/export-audit/export-audit-host-api/HostExports!org.exportaudit.client.ExportsLocal")
    ExportsLocal exports;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> switch (request.getPathInfo()) {
            case "/start" -> exports.start(ExportRequest.of(request.getParameter("source"), request.getParameter("format")));
            case "/record" -> exports.record(new RecordedExport(request.getParameter("source"),
                    request.getParameter("format"), "host-" + request.getParameter("source"),
                    Long.parseLong(request.getParameter("records")), Instant.now()));
            case "/cancel" -> exports.cancel(Long.parseLong(request.getParameter("id")));
            default -> throw new IllegalArgumentException(request.getPathInfo());
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> exports.find(Long.parseLong(request.getParameter("id"))));
    }

    private interface Call {
        ExportView run();
    }

    private static void answer(HttpServletResponse response, Call call) throws IOException {
        int status;
        JsonObjectBuilder body = Json.createObjectBuilder();
        try {
            ExportView export = call.run();
            status = 200;
            body.add("id", export.id()).add("user", export.user()).add("status", export.status())
                    .add("name", export.fileName());
            if (export.records() != null) {
                body.add("records", export.records());
            }
        } catch (EJBAccessException refused) {
            status = 403;
        } catch (ExportNotFound missing) {
            status = 404;
        } catch (ExportRefused refused) {
            status = 400;
        } catch (ExportNotInProgress ended) {
            status = 409;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(body.add("status-code", status).build().toString());
    }
}
