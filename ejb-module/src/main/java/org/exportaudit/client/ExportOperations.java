package org.exportaudit.client;

/**
 * What host applications may do with exports, always as the calling user and with the same role
 * rules as the REST API: exporters start, record and see their own exports; super admins see all
 * and cancel.
 */
public interface ExportOperations {

    /**
     * Starts an export; it runs in the background and is returned {@code PROCESSING}.
     *
     * @throws ExportRefused for an unknown source or format, an undeclared filter or an unsafe
     *         file name; nothing is created
     */
    ExportView start(ExportRequest request);

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
