package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.function.Supplier;
import org.exportaudit.notification.entity.Notice;
import org.exportaudit.notification.entity.NoticeMail;
import org.exportaudit.notification.entity.OutgoingMail;

/**
 * Posts notices in the caller's transaction: the notice, and for an admin with an address its mail
 * in the outbox. {@link #sendQueued} then lets the outbox send them once that transaction commits.
 */
@ApplicationScoped
public class NoticePost {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<MailQueued> queued;

    /** True when a mail was queued (the admin has an address). */
    public boolean post(Notice notice, String address, Supplier<NoticeMail> mail, Instant at) {
        em.persist(notice);
        if (address == null) {
            return false;
        }
        em.flush(); // the notice's id, for its mail
        em.persist(new OutgoingMail(notice.id(), address, mail.get(), at));
        return true;
    }

    public void sendQueued() {
        queued.fire(new MailQueued());
    }
}
