package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * An approval, a denial or a withdrawal of an export that is not waiting for one: approved or
 * denied already, withdrawn, expired, blocked, or never asked for. Nothing changed. The REST API
 * answers 409.
 */
@ApplicationException(rollback = true)
public class ExportNotAwaitingApproval extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String status;

    public ExportNotAwaitingApproval(long id, String status, String move) {
        super("Export " + id + " is " + status + ", not awaiting approval: it cannot be " + move + ".");
        this.status = status;
    }

    public String status() {
        return status;
    }
}
