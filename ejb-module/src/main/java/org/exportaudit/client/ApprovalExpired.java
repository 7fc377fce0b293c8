package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * An approval, a denial or a withdrawal that arrived after the request's deadline, before the expiry
 * timer's next tick: refused as if the timer had already run (409 {@code not-awaiting-approval}, the
 * export EXPIRED), and the export is expired on the spot. So this refusal commits the expiry it
 * reports rather than rolling it back, as {@link ExportBlocked} commits the blocked attempt.
 */
@ApplicationException(rollback = false)
public class ApprovalExpired extends ExportNotAwaitingApproval {

    private static final long serialVersionUID = 1L;

    /** {@code move} names what was refused: {@code approved}, {@code denied}, {@code withdrawn}. */
    public ApprovalExpired(long id, String move) {
        super(id, "EXPIRED", move);
    }
}
