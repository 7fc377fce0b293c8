package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * A move the export's state does not allow, such as cancelling an export that has already
 * completed. Nothing changed. The REST API answers 409. A type of its own because the host API
 * documents it ({@link ExportOperations#cancel}) and it carries the status that refused the move.
 */
@ApplicationException(rollback = true)
public class ExportNotInProgress extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String status;

    /** {@code move} names what was refused as the texts do under {@code move.}: {@code cancelled}, {@code taken-over}, … */
    public ExportNotInProgress(long id, String status, String move) {
        super(Kind.CONFLICT, "not-in-progress", "export.not-in-progress", id,
                Messages.term("status." + status), Messages.term("move." + move));
        this.status = status;
    }

    /** The status the export has, which did not allow the move. */
    public String status() {
        return status;
    }
}
