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

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected KnownSuperAdmin() {
        // for JPA
    }

    public KnownSuperAdmin(String username, String email, Instant at) {
        this.username = username;
        seen(email, at);
    }

    public void seen(String email, Instant at) {
        this.email = email;
        this.seenAt = at;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }
}
