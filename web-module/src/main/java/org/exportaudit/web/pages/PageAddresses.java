package org.exportaudit.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses that survive the sign-in: {@code /sources/contacts} (a source's index page),
 * {@code /sources/contacts/export/CSV/contacts-2026-11-25} (the same page with its Export dialog
 * open and filled in, for the way back from a step-up sign-in) and {@code /log/42} (the export log
 * at one export, as notices link it). After the Keycloak login, elytron-oidc-client returns to the
 * path that was asked for but drops its query string, so {@code records.xhtml?source=contacts}
 * would come back as a page without its source: what must survive goes in the path.
 */
@WebServlet({"/sources/*", "/log/*"})
public class PageAddresses extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Pattern SOURCE = Pattern.compile(
            "/([a-z0-9][a-z0-9_-]{0,99})(?:/export/([A-Za-z]{1,10})(?:/([^/]{1,200}))?)?");
    private static final Pattern EXPORT = Pattern.compile("/([0-9]{1,18})");

    /**
     * The address of a source's page with its Export dialog open again, filled in as it was: where a
     * step-up sign-in returns to. Only a convenience: the export starts when its user presses the
     * button, and the server checks the sign-in itself, never this address.
     */
    static String exportAgain(String sourceKey, String format, String fileName) {
        String address = "/sources/" + sourceKey + "/export/" + format;
        // file names never hold a slash (ExportFileName), so the name is one path segment
        return fileName == null || fileName.isBlank() ? address
                : address + "/" + URLEncoder.encode(fileName.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean sources = "/sources".equals(request.getServletPath());
        Matcher key = (sources ? SOURCE : EXPORT).matcher(path);
        if (!key.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String page = sources ? "/records.xhtml?source=" : "/exports.xhtml?export=";
        StringBuilder target = new StringBuilder(page).append(key.group(1));
        if (sources && key.group(2) != null) {
            target.append("&again=true&format=").append(key.group(2));
            if (key.group(3) != null) {
                target.append("&fileName=").append(URLEncoder.encode(key.group(3), StandardCharsets.UTF_8));
            }
        }
        request.getRequestDispatcher(target.toString()).forward(request, response);
    }
}
