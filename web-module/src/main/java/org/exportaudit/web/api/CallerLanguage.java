package org.exportaudit.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.exportaudit.client.Messages;
import org.exportaudit.web.identity.AccountToken;

/**
 * The language the API answers a caller in: their Keycloak account's locale (the token's
 * {@code locale} claim), else the first language of their {@code Accept-Language} that the texts
 * are written in, else English. A script that sends neither reads English, as it always has.
 */
final class CallerLanguage {

    private CallerLanguage() {
    }

    static Locale of(HttpServletRequest request) {
        return of(AccountToken.locale(request), request.getHeader("Accept-Language"));
    }

    static Locale of(String accountLocale, String acceptLanguage) {
        Locale account = written(accountLocale);
        if (account != null) {
            return account;
        }
        Locale accepted = written(acceptLanguage);
        return accepted != null ? accepted : Locale.ENGLISH;
    }

    /** The language of {@code ranges} (a tag, or an Accept-Language list) that the texts are written in, or null. */
    private static Locale written(String ranges) {
        if (ranges == null || ranges.isBlank()) {
            return null;
        }
        try {
            // lookup, not filter: "sv-SE" is answered in "sv"
            List<Locale.LanguageRange> wanted = Locale.LanguageRange.parse(ranges);
            return Locale.lookup(wanted, Messages.LANGUAGES);
        } catch (IllegalArgumentException notALanguage) {
            return null; // a header that is no list of languages asks for none
        }
    }
}
