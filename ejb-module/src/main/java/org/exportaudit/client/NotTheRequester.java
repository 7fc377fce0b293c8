package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * Only the user who asked for an export withdraws it; a super admin who sees it denies it instead.
 * Nothing changed. The REST API answers 403. A type of its own because the host API documents it
 * ({@link ExportOperations#withdraw}): host applications catch it.
 */
@ApplicationException(rollback = true)
public class NotTheRequester extends Refusal {

    private static final long serialVersionUID = 1L;

    public NotTheRequester(long id) {
        super(Kind.FORBIDDEN, "not-requester", "export.not-the-requester", id);
    }
}
