package org.exportaudit.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Objects;
import org.exportaudit.client.Roles;
import org.exportaudit.notification.control.SeenSuperAdmins;
import org.exportaudit.notification.entity.KnownSuperAdmin;

/**
 * Records that a super admin is signed in, with their account's address: approval requests go to
 * every super admin known this way. Written once per admin and address per server, not per request.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class SuperAdminSightings {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SeenSuperAdmins seen;

    public void seen(String email) {
        String admin = session.getCallerPrincipal().getName();
        if (seen.isKnown(admin, email)) {
            return;
        }
        try {
            KnownSuperAdmin known = em.find(KnownSuperAdmin.class, admin);
            if (known == null) {
                em.persist(new KnownSuperAdmin(admin, email, clock.instant()));
            } else if (!Objects.equals(known.email(), email)) {
                known.seen(email, clock.instant());
            }
            em.flush();
            seen.remember(admin, email);
        } catch (PersistenceException recordedMeanwhile) {
            // two first requests of the same admin at once (on two nodes, or two threads): the other one
            // recorded them; this one leaves nothing behind, and a later request remembers them
            session.setRollbackOnly();
        }
    }
}
