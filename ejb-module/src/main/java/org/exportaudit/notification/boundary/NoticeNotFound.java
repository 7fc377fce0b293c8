package org.exportaudit.notification.boundary;

import jakarta.ejb.ApplicationException;
import org.exportaudit.client.Refusal;

/** No notice with that id for the caller. */
@ApplicationException(rollback = true)
public class NoticeNotFound extends Refusal {

    private static final long serialVersionUID = 1L;

    public NoticeNotFound(long id) {
        super("notice.not-found", id);
    }
}
