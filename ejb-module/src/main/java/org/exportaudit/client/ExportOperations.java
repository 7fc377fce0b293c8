package org.exportaudit.client;

/**
 * What host applications may do with exports, always as the calling user and with the same role
 * rules as the REST API: exporters start, record and see their own exports; super admins see all
 * and cancel.
 */
public interface ExportOperations {

    /**
     * Starts an export; it runs in the background and is returned {@code PROCESSING}, or
     * {@code AWAITING_APPROVAL} when an export policy asks for a super admin's approval (the host
     * API throws {@link ExportAwaitingApproval} instead).
     *
     * @throws ExportRefused for an unknown source or format, an undeclared filter, a filter value
     *         not of its column's type (a number, a yyyy-mm-dd date, a date and time) or an unsafe
     *         file name; nothing is created
     * @throws ExportBlocked when an export policy blocks it; the refused attempt is kept, BLOCKED
     * @throws StepUpRequired when an export policy asks for a recent password sign-in that the
     *         caller does not have; nothing is created
     */
    ExportView start(ExportRequest request);

    /**
     * Approves an export awaiting approval (super admins other than its requester): its job starts.
     *
     * @throws ExportNotAwaitingApproval when it is not waiting (decided, withdrawn, expired, blocked, ended)
     * @throws Refusal ({@code FORBIDDEN}, {@code own-export}) for the caller's own export (user names compared
     *         without case)
     * @throws ExportNotFound when there is no such export
     * @throws DecisionOutsideKeycloak always through the host API: decisions are taken as a Keycloak identity
     */
    ExportView approve(long id);

    /**
     * Denies an export awaiting approval, with a reason its requester sees (super admins other than
     * its requester).
     *
     * @throws ExportRefused when the reason is empty or longer than 500 characters
     * @throws ExportNotAwaitingApproval when it is not waiting
     * @throws Refusal ({@code FORBIDDEN}, {@code own-export}) for the caller's own export
     * @throws DecisionOutsideKeycloak always through the host API, as {@link #approve}
     */
    ExportView deny(long id, String reason);

    /**
     * Withdraws the caller's own export while it awaits approval.
     *
     * @throws ExportNotAwaitingApproval when it is not waiting
     * @throws NotTheRequester when a super admin tries it on another user's export
     * @throws ExportNotFound when there is no such export of the caller's
     */
    ExportView withdraw(long id);

    /** Records an export that the host application performed itself. */
    ExportView record(RecordedExport export);

    /**
     * Cancels an export in progress (super admins only).
     *
     * @throws ExportNotInProgress when it has already ended
     * @throws ExportNotFound when there is no such export
     */
    ExportView cancel(long id);

    /** @throws ExportNotFound when there is no such export or it is not the caller's to see */
    ExportView find(long id);

    /**
     * A page of the export log, newest first: every export for super admins, their own for
     * exporters.
     *
     * @throws ExportRefused for an unknown status, a limit outside 1 to 200, a malformed cursor or
     *         a date range that ends before it begins
     */
    ExportLogPage log(ExportLogQuery query);
}
