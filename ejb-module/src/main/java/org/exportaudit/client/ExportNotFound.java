package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * No export with that id that the caller may see. Another user's export is answered the same way
 * as one that does not exist, so that nobody learns of exports that are not theirs. A type of its own
 * because the host API documents it ({@link ExportOperations}): host applications catch it.
 */
@ApplicationException(rollback = true)
public class ExportNotFound extends Refusal {

    private static final long serialVersionUID = 1L;

    public ExportNotFound(long id) {
        super(Kind.NOT_FOUND, "not-found", "export.not-found", id);
    }
}
