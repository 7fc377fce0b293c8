package org.exportaudit.web.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;
import org.exportaudit.client.Messages;

/**
 * The API changes state only for callers that send a bearer token. The pages' session cookie is
 * valid here too (the pages link to file downloads), and a browser sends it with any form that
 * another site posts to us, {@code text/plain} included, which needs no CORS preflight. A token
 * in the {@code Authorization} header is something no other site can make a browser send, so a
 * cookie-authenticated POST, PUT, PATCH or DELETE is refused before any resource runs. The pages
 * themselves never change state through the API: they use Faces actions, protected by the view
 * state. Reading stays open to the cookie, as the download links need it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerOnlyChanges implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || hasBearerToken(request)) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            return; // not signed in at all: SignedInOnly answers 401 with how to sign in
        }
        Locale language = CallerLanguage.of(servletRequest);
        request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "bearer-token-required",
                Messages.text(language, "api.bearer-token-required"), language).build());
    }

    private static boolean hasBearerToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.strip().toLowerCase(Locale.ROOT).startsWith("bearer ");
    }
}
