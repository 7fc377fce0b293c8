package org.exportaudit.notification.entity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The super admin a notice mail is for, as their Keycloak account says they read: in its language
 * (English or Swedish; English for any other) and with times in its zone (UTC when it has none).
 */
public record MailReader(String admin, Locale locale, ZoneId zone) {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final ZoneId UTC = ZoneId.of("UTC");

    /** An admin whose account's language and zone are not known: English, UTC. */
    public static MailReader of(String admin) {
        return new MailReader(admin, Locale.ENGLISH, UTC);
    }

    /** From the account's {@code locale} and {@code zoneinfo} as seen in their token; either may be null or nonsense. */
    public static MailReader of(String admin, String locale, String zone) {
        Locale language = locale != null && Locale.forLanguageTag(locale).getLanguage().equals("sv") ? SWEDISH : Locale.ENGLISH;
        ZoneId where = UTC;
        if (zone != null) {
            try {
                where = ZoneId.of(zone);
            } catch (DateTimeException notAZone) {
                // UTC, as for an account without one
            }
        }
        return new MailReader(admin, language, where);
    }
}
