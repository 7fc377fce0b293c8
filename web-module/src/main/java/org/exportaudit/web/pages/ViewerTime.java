package org.exportaudit.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.web.identity.AccountToken;

/**
 * Time where the viewer is: the pages show moments in the browser's time zone (which
 * {@code viewer-zone.js} keeps in a cookie), else the zone of their Keycloak account
 * ({@code zoneinfo}), else UTC; the same moment in UTC is on hover; a day in a date filter is the
 * viewer's day.
 */
@Named
@RequestScoped
public class ViewerTime {

    /** The cookie that viewer-zone.js writes: an IANA zone name such as Europe/Stockholm. */
    static final String COOKIE = "ea-zone";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    /** UTC by its name: a pattern's {@code z} writes "UTC" for it, and "Z" for the offset. */
    private static final ZoneId UTC_ZONE = ZoneId.of("UTC");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Language language;

    private ZoneId zone;

    public ZoneId getZone() {
        if (zone == null) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            zone = of(cookie(request), AccountToken.zone(request));
        }
        return zone;
    }

    /** "2026-11-30 10:15 CET": the moment where the viewer is. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.withZone(getZone()).withLocale(language.getLocale()).format(instant);
    }

    /** "2026-11-30 10:15:07 CET": the audit trail's moments, where seconds tell records apart. */
    public String whenToTheSecond(Instant instant) {
        return instant == null ? "" : TO_THE_SECOND.withZone(getZone()).withLocale(language.getLocale()).format(instant);
    }

    /** "2026-11-30 09:15:07 UTC": the same moment, as the audit and the API record it. */
    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** Where a filter's {@code from} day begins for the viewer. */
    public Instant startOf(LocalDate day) {
        return ExportLogQuery.startOf(day, getZone());
    }

    /** Where a filter's {@code to} day ends for the viewer: the whole day included. */
    public Instant endOf(LocalDate day) {
        return ExportLogQuery.endOf(day, getZone());
    }

    /** The browser's zone, else the account's, else UTC; a name that is no zone counts as none. */
    static ZoneId of(String browser, String account) {
        for (String name : new String[] {browser, account}) {
            if (name != null && name.length() <= 64) {
                try {
                    return ZoneId.of(name);
                } catch (DateTimeException notAZone) {
                    // the next source decides
                }
            }
        }
        return UTC_ZONE;
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return decoded(cookie.getValue());
                }
            }
        }
        return null;
    }

    /**
     * The cookie's zone name, %-decoded as viewer-zone.js encodes it; null for a value that does not
     * decode ({@code %}, {@code %zz}), which counts as no zone, as an unknown one does: any site on
     * the same host name can plant the cookie, and no page may fail for it.
     */
    static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
