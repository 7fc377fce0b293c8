package org.exportaudit.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Ends the application session and, through elytron-oidc-client, the Keycloak session too, so
 * that the next visit asks for the password again. POST only: a link or image elsewhere must not
 * be able to sign anyone out.
 */
@WebServlet("/sign-out")
public class SignOut extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!fromOurOwnPage(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/public/signed-out.xhtml");
    }

    /**
     * Another site's page could post a form here (cross-site request forgery): browsers name the
     * page's origin in {@code Origin} on every POST, and it must be this host.
     */
    private static boolean fromOurOwnPage(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true; // not sent by a browser's cross-site form
        }
        try {
            return java.net.URI.create(origin).getRawAuthority() != null
                    && java.net.URI.create(origin).getRawAuthority().equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
