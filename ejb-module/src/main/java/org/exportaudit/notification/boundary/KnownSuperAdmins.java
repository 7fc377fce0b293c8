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
import org.exportaudit.client.Roles;
import org.exportaudit.notification.control.RecordedSuperAdmins;
import org.exportaudit.notification.entity.KnownSuperAdmin;

/**
 * Records that a super admin is signed in, with their account's address, language and time zone:
 * approval requests go to every super admin known this way, written as they read. Written once per
 * admin and account per server, not per request.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class KnownSuperAdmins {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    RecordedSuperAdmins seen;

    public void seen(KnownSuperAdmin.Account account) {
        String admin = session.getCallerPrincipal().getName();
        if (seen.isKnown(admin, account)) {
            return;
        }
        try {
            KnownSuperAdmin known = em.find(KnownSuperAdmin.class, admin);
            if (known == null) {
                em.persist(new KnownSuperAdmin(admin, account, clock.instant()));
            } else if (!known.isAsSeen(account)) {
                known.seen(account, clock.instant());
            }
            em.flush();
            seen.remember(admin, account);
        } catch (PersistenceException recordedMeanwhile) {
            // two first requests of the same admin at once (on two nodes, or two threads): the other one
            // recorded them; this one leaves nothing behind, and a later request remembers them
            session.setRollbackOnly();
        }
    }
}
