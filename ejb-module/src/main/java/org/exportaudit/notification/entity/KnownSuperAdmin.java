package org.exportaudit.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A super admin Export Audit has seen signed in, with the address of their account then. Keycloak
 * holds the realm's users; the application learns of its super admins as they come, and asks all of
 * them for approvals.
 */
@Entity
@Table(name = "known_super_admin")
public class KnownSuperAdmin {

    @Id
    @Column(name = "username")
    private String username;

    @Column(name = "email", length = 320)
    private String email;

    @Column(name = "locale", length = 35)
    private String locale;

    @Column(name = "zone", length = 64)
    private String zone;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected KnownSuperAdmin() {
        // for JPA
    }

    public KnownSuperAdmin(String username, Account account, Instant at) {
        this.username = username;
        seen(account, at);
    }

    public void seen(Account account, Instant at) {
        this.email = account.email();
        this.locale = account.locale();
        this.zone = account.zone();
        this.seenAt = at;
    }

    /** Whether this is how the account was seen last. */
    public boolean isAsSeen(Account account) {
        return account.equals(new Account(email, locale, zone));
    }

    /** How they read their notice mails: in their account's language, with times in its zone. */
    public MailReader reader() {
        return MailReader.of(username, locale, zone);
    }

    /**
     * What the token of a super admin says of their account: the address their mails go to, the
     * language (Keycloak's {@code locale}) and time zone ({@code zoneinfo}) they are written in.
     */
    public record Account(String email, String locale, String zone) {
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }
}
