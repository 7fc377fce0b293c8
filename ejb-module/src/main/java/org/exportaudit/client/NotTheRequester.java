package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * Only the user who asked for an export withdraws it; a super admin who sees it denies it instead.
 * Nothing changed. The REST API answers 403.
 */
@ApplicationException(rollback = true)
public class NotTheRequester extends Refusal {

    private static final long serialVersionUID = 1L;

    public NotTheRequester(long id) {
        super("export.not-the-requester", id);
    }
}
