package org.exportaudit.web.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.exportaudit.client.Messages;

/**
 * The API is left out of the web module's security constraints so that a script without a token
 * gets a plain 401 rather than a redirect to Keycloak's login page; this filter is what turns such
 * calls away. Roles are checked further in, by the EJBs.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignedInOnly implements ContainerRequestFilter {

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            Locale language = CallerLanguage.of(servletRequest);
            request.abortWith(ApiError
                    .response(Response.Status.UNAUTHORIZED, "unauthenticated",
                            Messages.text(language, "api.unauthenticated"), language)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"export-audit\"")
                    .build());
        }
    }
}
