package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/** The export is still processing: its file can be downloaded once it completes. */
@ApplicationException(rollback = true)
public class ExportStillRunning extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportStillRunning(long id) {
        super("Export " + id + " is still processing; its file can be downloaded once it completes.");
    }
}
