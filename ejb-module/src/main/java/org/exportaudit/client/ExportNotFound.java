package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * No export with that id that the caller may see. Another user's export is answered the same way
 * as one that does not exist, so that nobody learns of exports that are not theirs.
 */
@ApplicationException(rollback = true)
public class ExportNotFound extends Refusal {

    private static final long serialVersionUID = 1L;

    public ExportNotFound(long id) {
        super("export.not-found", id);
    }
}
