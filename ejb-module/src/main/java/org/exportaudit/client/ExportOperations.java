package org.exportaudit.client;

import java.util.List;

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

    /** The newest exports the caller may see: all for super admins, their own for exporters. */
    List<ExportView> newest(int limit);
}
