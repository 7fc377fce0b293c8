package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * An approval, a denial or a withdrawal of an export that is not waiting for one: approved or
 * denied already, withdrawn, expired, blocked, or never asked for. Nothing changed. The REST API
 * answers 409. A type of its own because the host API documents it ({@link ExportOperations#withdraw})
 * and it carries the status that refused the move.
 */
@ApplicationException(rollback = true)
public class ExportNotAwaitingApproval extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String status;

    /** {@code move} names what was refused as the texts do under {@code move.}: {@code cancelled}, {@code taken-over}, … */
    public ExportNotAwaitingApproval(long id, String status, String move) {
        super(Kind.CONFLICT, "not-awaiting-approval", "export.not-awaiting-approval", id,
                Messages.term("status." + status), Messages.term("move." + move));
        this.status = status;
    }

    public String status() {
        return status;
    }
}
