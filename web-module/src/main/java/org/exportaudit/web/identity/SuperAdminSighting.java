package org.exportaudit.web.identity;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.client.Roles;
import org.exportaudit.notification.boundary.KnownSuperAdmins;
import org.exportaudit.notification.entity.KnownSuperAdmin;

/**
 * A super admin signed in, on the pages or through the API, becomes known to the application with
 * their account's address: approval requests go to every super admin it knows. The boundary writes
 * once per admin and address; a failure to record never fails the admin's own request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SuperAdminSighting extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SuperAdminSighting.class.getName());

    @Inject
    KnownSuperAdmins sightings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && request.isUserInRole(Roles.SUPER_ADMIN)) {
            try {
                sightings.seen(new KnownSuperAdmin.Account(AccountToken.email(request), AccountToken.locale(request),
                        AccountToken.zone(request)));
            } catch (RuntimeException notRecorded) { // e.g. two nodes recording the same admin at once: the next request does
                LOG.log(Level.FINE, "Could not record super admin " + request.getUserPrincipal().getName(), notRecorded);
            }
        }
        chain.doFilter(request, response);
    }
}
