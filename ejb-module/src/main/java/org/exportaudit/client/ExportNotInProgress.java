package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * A move the export's state does not allow, such as cancelling an export that has already
 * completed. Nothing changed. The REST API answers 409.
 */
@ApplicationException(rollback = true)
public class ExportNotInProgress extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String status;

    public ExportNotInProgress(long id, String status, String move) {
        super("Export " + id + " is " + status + ", not in progress: it cannot be " + move + ".");
        this.status = status;
    }

    /** The status the export has, which did not allow the move. */
    public String status() {
        return status;
    }
}
