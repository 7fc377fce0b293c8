package org.exportaudit.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.export.entity.Export;
import org.exportaudit.notification.entity.Notice;
import org.exportaudit.notification.entity.OutgoingMail;
import org.exportaudit.notification.view.NoticeView;

/**
 * A super admin's own in-app notices, newest first, each with its mail's state and what became of
 * its export (approved by whom, denied, blocked by which policy); nobody sees another admin's.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class Notices {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    public List<NoticeView> ofCaller(int limit) {
        List<Notice> notices = em.createQuery(
                        "select n from Notice n where n.admin = :admin order by n.createdAt desc, n.id desc",
                        Notice.class)
                .setParameter("admin", admin())
                .setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultList();
        Map<Long, OutgoingMail> mails = notices.isEmpty() ? Map.of()
                : em.createQuery("select m from OutgoingMail m where m.noticeId in :notices", OutgoingMail.class)
                        .setParameter("notices", notices.stream().map(Notice::id).toList())
                        .getResultStream()
                        .collect(Collectors.toMap(OutgoingMail::noticeId, Function.identity(), (one, other) -> one));
        Map<Long, Export> exports = notices.isEmpty() ? Map.of()
                : em.createQuery("select e from Export e where e.id in :exports", Export.class)
                        .setParameter("exports", notices.stream().map(Notice::exportId).distinct().toList())
                        .getResultStream()
                        .collect(Collectors.toMap(Export::id, Function.identity()));
        return notices.stream().map(notice -> view(notice, mails.get(notice.id()), exports.get(notice.exportId()))).toList();
    }

    public long unread() {
        return em.createQuery("select count(n) from Notice n where n.admin = :admin and n.readAt is null", Long.class)
                .setParameter("admin", admin())
                .getSingleResult();
    }

    /** Marks one of the caller's notices read; another admin's is not found. */
    public NoticeView read(long id) {
        Notice notice = em.find(Notice.class, id);
        if (notice == null || !notice.isFor(admin())) {
            throw Refusal.notFound("notice.not-found", id);
        }
        notice.read(clock.instant());
        return view(notice, em.createQuery("select m from OutgoingMail m where m.noticeId = :notice", OutgoingMail.class)
                .setParameter("notice", id)
                .getResultStream().findFirst().orElse(null), em.find(Export.class, notice.exportId()));
    }

    private String admin() {
        return session.getCallerPrincipal().getName();
    }

    /** The notice as its admin sees it, with its mail if it has one (null when the admin has no address). */
    private static NoticeView view(Notice notice, OutgoingMail mail, Export export) {
        return new NoticeView(notice.id(), notice.exportId(), notice.exportedBy(), notice.source(), notice.fileName(),
                notice.records(), notice.threshold(), notice.asksApproval(), notice.createdAt(), notice.isRead(),
                mail == null ? null : mail.status().name(), mail == null ? 0 : mail.attempts(),
                export.status().name(), export.policy(), export.approval().decidedBy());
    }
}
