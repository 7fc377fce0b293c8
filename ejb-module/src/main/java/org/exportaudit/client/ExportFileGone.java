package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * The export's file cannot be downloaded any more, or never could: it was purged after the
 * download window, or the export was cancelled, failed or was performed by a host application.
 * (One that is still running, or never ran, is a conflict with its state: {@link ExportStillRunning},
 * {@link ExportHasNoFile}.)
 */
@ApplicationException(rollback = true)
public class ExportFileGone extends Refusal {

    private static final long serialVersionUID = 1L;

    /** {@code why} is the key of the reason's text: {@code file-gone.cancelled}, … */
    public ExportFileGone(long id, String why) {
        super("export.file-gone", id, Messages.term(why));
    }
}
