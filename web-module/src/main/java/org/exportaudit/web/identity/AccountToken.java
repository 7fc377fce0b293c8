package org.exportaudit.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * What the token Keycloak issued the signed-in user says of their account: the email address
 * their large-export notices are mailed to, and the language and time zone they chose
 * ({@code locale}, {@code zoneinfo}: Keycloak's profile scope carries both). Null where the
 * account has none.
 */
public final class AccountToken {

    private AccountToken() {
    }

    public static String email(HttpServletRequest request) {
        JsonWebToken token = of(request);
        return token == null ? null : blankToNull(token.getEmail());
    }

    public static String locale(HttpServletRequest request) {
        return claim(request, "locale");
    }

    public static String zone(HttpServletRequest request) {
        return claim(request, "zoneinfo");
    }

    private static String claim(HttpServletRequest request, String name) {
        JsonWebToken token = of(request);
        return token == null ? null : blankToNull(token.getClaimValueAsString(name));
    }

    private static JsonWebToken of(HttpServletRequest request) {
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal && principal.getOidcSecurityContext() != null) {
            return principal.getOidcSecurityContext().getToken();
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
