package org.exportaudit.export.entity;

import org.exportaudit.client.Refusal;

/**
 * Why an export's file cannot be downloaded, by its state: a table of its own so that the export says only
 * whether its file is there ({@link Export#whyNotDownloadable}). The export's answer is the one answer to "may this
 * file be downloaded, and if not, why?" that the REST API, the pages (the log's link) and the host API (the view's
 * {@code downloadable}) render, so that none of them decides again. Still processing and never run (awaiting
 * approval, denied, blocked, expired, withdrawn) are conflicts with the export's state, each with its own reason;
 * gone is only for a file that was, or could have been, here and is not: purged, cancelled, failed, or kept by the
 * host application that performed it.
 */
final class DownloadRefusal {

    private DownloadRefusal() {
    }

    /** The refusal for an export in {@code status} whose file is not here, or whose window has closed. */
    static Refusal of(long exportId, ExportStatus status, boolean recordedByHost) {
        return switch (status) {
            case PROCESSING -> Refusal.conflict("still-processing", "export.still-running", exportId);
            case AWAITING_APPROVAL -> noFile(exportId, "no-file.awaiting-approval");
            case DENIED -> noFile(exportId, "no-file.denied");
            case BLOCKED -> noFile(exportId, "no-file.blocked");
            case EXPIRED -> noFile(exportId, "no-file.expired");
            case WITHDRAWN -> noFile(exportId, "no-file.withdrawn");
            case CANCELLED -> fileGone(exportId, "file-gone.cancelled");
            case FAILED -> fileGone(exportId, "file-gone.failed");
            case COMPLETED -> fileGone(exportId, recordedByHost ? "file-gone.host" : "file-gone.purged");
        };
    }

    /** A conflict with its state: it never ran, and {@code why} is the key of the text that says why. */
    private static Refusal noFile(long exportId, String why) {
        return Refusal.conflict("no-file", "export.no-file", exportId, Refusal.term(why));
    }

    /** A file that was, or could have been, here and is not; {@code why} is the key of the text that says why. */
    private static Refusal fileGone(long exportId, String why) {
        return Refusal.gone("file-gone", "export.file-gone", exportId, Refusal.term(why));
    }
}
