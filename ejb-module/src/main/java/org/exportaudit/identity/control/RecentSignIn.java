package org.exportaudit.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * When the caller last entered their password: the {@code auth_time} claim of the token Keycloak
 * issued at that sign-in — the ID token of a page session, the access token of a bearer call.
 * Keycloak sets it, signed, and keeps it when a token is refreshed; a sign-in through the SSO
 * cookie keeps the old one too. Only {@code prompt=login} makes it new. A caller whose identity
 * carries no such token (a host application's user, signed in by another security domain) has no
 * known sign-in time, and never counts as recent.
 */
@ApplicationScoped
public class RecentSignIn {

    static final String AUTH_TIME = "auth_time";

    /** When the caller last entered their password, if their token says. */
    public Optional<Instant> of(Principal caller) {
        if (!(caller instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null) {
            return Optional.empty();
        }
        OidcSecurityContext context = oidc.getOidcSecurityContext();
        return authTime(context.getIDToken()).or(() -> authTime(context.getToken()));
    }

    /** Whether the caller entered their password within {@code maxAge} before {@code now}. */
    public boolean isWithin(Principal caller, Duration maxAge, Instant now) {
        return of(caller).filter(signedIn -> !signedIn.isBefore(now.minus(maxAge))).isPresent();
    }

    private static Optional<Instant> authTime(JsonWebToken token) {
        if (token == null || !(token.getClaimValue(AUTH_TIME) instanceof Number seconds)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    }
}
