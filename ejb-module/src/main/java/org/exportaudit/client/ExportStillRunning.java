package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/** The export is still processing: its file can be downloaded once it completes. */
@ApplicationException(rollback = true)
public class ExportStillRunning extends Refusal {

    private static final long serialVersionUID = 1L;

    public ExportStillRunning(long id) {
        super("export.still-running", id);
    }
}
