package org.exportaudit.export.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.exportaudit.export.encoder.CsvFile;
import org.exportaudit.export.encoder.XlsxFile;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.Source;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * An export of a PostgreSQL source, formatted by PostgreSQL itself: {@code COPY (…) TO STDOUT}
 * sends each record as one finished CSV line ({@code byte[]}) in UTF-8, which a CSV file only has
 * to copy and an XLSX file reads its cells from. That spares the driver decoding and the writer
 * encoding millions of values; the files still neutralise formula-like fields, and escape for XML,
 * as they copy the bytes (see CsvFile, XlsxFile).
 */
final class CsvCopyFeed extends SourceFeed {

    /**
     * COPY takes no bind parameters: filter values travel as transaction-local settings, which are
     * text, and the query casts each back to its value's type, so that the column is compared as
     * itself and an index on it serves the filter.
     */
    private static final String FILTER_SETTING = "export_audit.filter_";

    /**
     * A whole chunk and more of read-ahead (a line is a few hundred bytes: 16 batches are some
     * 3 MB): PostgreSQL goes on sending while the writer commits a checkpoint, instead of stalling
     * after two batches at each of them.
     */
    private static final int BUFFERED_BATCHES = 16;

    private final CopyOut copy;
    private final PGConnection postgresql;
    private final RunningQuery running;

    private CsvCopyFeed(CopyOut copy, PGConnection postgresql, RunningQuery running) {
        super(BUFFERED_BATCHES);
        this.copy = copy;
        this.postgresql = postgresql;
        this.running = running;
    }

    /** True for PostgreSQL connections, when the server lets this deployment see the driver. */
    static boolean isPossible(Connection connection) throws SQLException {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (NoClassDefFoundError driverNotVisible) {
            return false;
        }
    }

    /**
     * Starts the COPY on the connection, inside its (repeatable read) transaction. A COPY is no
     * Statement: the query is cancelled through the driver's own cancel request.
     */
    static CsvCopyFeed start(Connection connection, Source source, Map<String, String> filters, List<Filter> values,
            RunningQuery running) throws SQLException {
        try (PreparedStatement setting = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            for (int i = 0; i < values.size(); i++) {
                setting.setString(1, FILTER_SETTING + (i + 1));
                setting.setString(2, values.get(i).text());
                setting.execute();
            }
        }
        String query = source.selectQuery(filters, (number, filter) ->
                "CAST(current_setting('" + FILTER_SETTING + number + "') AS " + filter.sqlType() + ")");
        PGConnection postgresql = connection.unwrap(PGConnection.class);
        running.runs(postgresql::cancelQuery);
        CopyOut copy = postgresql.getCopyAPI()
                .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, ENCODING 'UTF8')");
        return new CsvCopyFeed(copy, postgresql, running);
    }

    @Override
    protected void produce() throws SQLException, InterruptedException {
        try {
            for (byte[] line = copy.readFromCopy(); line != null && !isStopped(); line = copy.readFromCopy()) {
                add(line);
            }
        } finally {
            if (copy.isActive()) {
                endEarly();
            }
        }
    }

    /**
     * Stopped before the end: the connection must leave COPY mode with nothing of the COPY left
     * unread. The driver's cancelCopy() of a COPY TO only sends the server a cancel request; what
     * the server sent meanwhile, its error and its ReadyForQuery stay in the connection, and the
     * next statement on it — the pool hands it to the next export — reads them as its own answers
     * ("Expected command status BEGIN, got SET"; an XLSX export cancelled while its feed waited for
     * the writer did that in ExportedFileIT). So the server is asked to stop, unless the export's
     * cancel already did (a second request could cancel a later statement), and the rest of the
     * COPY is read and dropped: some buffered lines, then the error the cancel caused.
     */
    private void endEarly() throws SQLException {
        if (!running.isCancelled()) {
            postgresql.cancelQuery();
        }
        try {
            while (copy.readFromCopy() != null) {
                // dropped: the export stopped
            }
        } catch (SQLException cancelled) {
            // the COPY ended as the cancel made it, and the connection is ready for the next statement
        }
    }
}
