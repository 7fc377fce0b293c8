package org.exportaudit.export.control;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The query that an export's reader runs on its source — the COUNT, the SELECT or the COPY — kept
 * where a cancel, which arrives on another thread, can reach it. The database then stops it at
 * once, and the reader and its feed wake, instead of the export waiting until the query returns.
 */
final class RunningQuery {

    /** How the running query is stopped: {@code Statement::cancel}, or the driver's own cancel for a COPY. */
    @FunctionalInterface
    interface Cancel {
        void cancel() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(RunningQuery.class.getName());

    private final long exportId;
    private volatile boolean cancelled;
    private Cancel running;
    private SourceFeed feed;

    RunningQuery(long exportId) {
        this.exportId = exportId;
    }

    /** The reader is about to run a query; after the cancel, it is refused before it starts. */
    synchronized void runs(Cancel query) throws SQLException {
        if (cancelled) {
            throw new SQLException("export " + exportId + " was cancelled", "57014");
        }
        running = query;
    }

    /** The query returned: a cancel from now on has nothing to stop in the database. */
    synchronized void returned() {
        running = null;
    }

    /** The rows are now read by a feed on a thread of its own: a cancel wakes it too. */
    synchronized void feeds(SourceFeed rows) {
        feed = rows;
        if (cancelled) {
            rows.halt();
        }
    }

    synchronized void cancel() {
        cancelled = true;
        if (running != null) {
            stop(running);
        }
        if (feed != null) {
            feed.halt();
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    private void stop(Cancel query) {
        try {
            query.cancel();
        } catch (SQLException | RuntimeException e) {
            // The query may have ended meanwhile; the feed's halt and the job's stop still end the export.
            LOG.log(Level.FINE, "The source query of export " + exportId + " could not be cancelled", e);
        }
    }
}
