package org.exportaudit.notification.boundary;

import jakarta.ejb.ApplicationException;

/** No notice with that id for the caller. */
@ApplicationException(rollback = true)
public class NoticeNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoticeNotFound(long id) {
        super("No notice " + id + ".");
    }
}
