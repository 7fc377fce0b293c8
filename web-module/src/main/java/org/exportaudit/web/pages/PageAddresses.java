package org.exportaudit.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses that survive the sign-in: {@code /sources/contacts} (a source's index page) and
 * {@code /log/42} (the export log at one export, as notices link it). After the Keycloak login,
 * elytron-oidc-client returns to the path that was asked for but drops its query string, so
 * {@code records.xhtml?source=contacts} would come back as a page without its source.
 */
@WebServlet({"/sources/*", "/log/*"})
public class PageAddresses extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern SOURCE = Pattern.compile("/([a-z0-9][a-z0-9_-]{0,99})");
    private static final Pattern EXPORT = Pattern.compile("/([0-9]{1,18})");

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
        request.getRequestDispatcher(page + key.group(1)).forward(request, response);
    }
}
