package org.exportaudit.export.entity;

import java.time.Instant;

/**
 * What happens to exports, published as CDI events in the transaction of the change: the audit
 * trail records them there, and side effects (starting the job, mail) follow after commit.
 */
public final class ExportEvents {

    private ExportEvents() {
    }

    public record Requested(long exportId, String user, String source, String fileName, String format,
            String filters, Instant at) implements ExportEvent {
    }

    /** The record count is known: it drives the large-export notifications. */
    public record Counted(long exportId, String user, String source, String fileName, long records,
            Instant at) implements ExportEvent {
    }

    public record Completed(long exportId, long records, long fileSize, String sha256,
            Instant at) implements ExportEvent {
    }

    /** The job, if it began, must be stopped: its execution id rides along for that. */
    public record Cancelled(long exportId, String by, Instant at) implements ExportEvent {
    }

    public record Failed(long exportId, String reason, Instant at) implements ExportEvent {
    }

    /** A host application reported an export it performed itself. */
    public record Recorded(long exportId, String user, String source, String fileName,
            long records, Instant at) implements ExportEvent {
    }

    /** The retention timer took the file away; it is deleted from the folder once this commits. */
    public record Purged(long exportId, ExportFormat format, Instant at) implements ExportEvent {
    }

    /** A node took the export over from one that was lost, and runs it again from the start. */
    public record TakenOver(long exportId, String from, String to, int takeovers, Instant at) implements ExportEvent {
    }
}
