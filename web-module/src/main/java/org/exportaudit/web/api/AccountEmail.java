package org.exportaudit.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * The signed-in user's email address, from the token Keycloak issued them: where their
 * large-export notices are mailed. Null when their account has none.
 */
public final class AccountEmail {

    private AccountEmail() {
    }

    public static String of(HttpServletRequest request) {
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal
                && principal.getOidcSecurityContext() != null
                && principal.getOidcSecurityContext().getToken() != null) {
            String email = principal.getOidcSecurityContext().getToken().getEmail();
            return email == null || email.isBlank() ? null : email.strip();
        }
        return null;
    }
}
