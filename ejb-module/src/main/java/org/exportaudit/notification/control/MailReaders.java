package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.exportaudit.notification.entity.KnownSuperAdmin;
import org.exportaudit.notification.entity.MailReader;

/** How a super admin reads their notice mails, as their account was last seen; English and UTC if never. */
@ApplicationScoped
public class MailReaders {

    @PersistenceContext
    EntityManager em;

    public MailReader of(String admin) {
        KnownSuperAdmin known = em.find(KnownSuperAdmin.class, admin);
        return known == null ? MailReader.of(admin) : known.reader();
    }
}
