package org.exportaudit.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.exportaudit.client.Roles;
import org.exportaudit.notification.boundary.Notices;
import org.exportaudit.notification.view.NoticeView;

/** The bell in the top bar: a super admin's unread large-export notices and the latest ones. */
@Named
@RequestScoped
public class NoticeBell {

    @Inject
    Notices notices;

    @Inject
    SourceLabels sources;

    private List<NoticeView> latest;

    public boolean isShown() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.SUPER_ADMIN);
    }

    public long getUnread() {
        return isShown() ? notices.unread() : 0;
    }

    public List<NoticeView> getLatest() {
        if (latest == null) {
            latest = isShown() ? notices.ofCaller(10) : List.of();
        }
        return latest;
    }

    /** The source as people call it ("Contacts"), not its key. */
    public String sourceLabel(NoticeView notice) {
        return sources.labelOf(notice.source());
    }

    /** How an approval ended, after the request it asked for: "(denied by sam)", "(approved by sam)". */
    public String decision(NoticeView notice) {
        return switch (notice.exportStatus()) {
            case "DENIED" -> Texts.of("bell.decision.denied", notice.decidedBy());
            case "WITHDRAWN" -> Texts.of("bell.decision.withdrawn", notice.decidedBy());
            case "EXPIRED" -> Texts.of("bell.decision.expired");
            default -> Texts.of("bell.decision.approved", notice.decidedBy());
        };
    }

    /** Opens the export a notice is about, marking the notice read. */
    public String open(long noticeId) {
        NoticeView notice = notices.read(noticeId);
        return "/exports.xhtml?faces-redirect=true&export=" + notice.exportId();
    }
}
