package org.exportaudit.export.control;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Any JDBC source: rows of text values ({@code String[]}), read from an open cursor. */
final class RowFeed extends SourceFeed {

    /**
     * Read-ahead enough to keep the writer busy, no more: a row of text values costs a kilobyte or
     * more of heap, and ten XLSX exports at once must fit in a small heap beside their chunks.
     */
    private static final int BUFFERED_BATCHES = 2;

    private final ResultSet cursor;
    private final int width;

    RowFeed(ResultSet cursor, int width) {
        super(BUFFERED_BATCHES);
        this.cursor = cursor;
        this.width = width;
    }

    @Override
    protected void produce() throws SQLException, InterruptedException {
        while (!isStopped() && cursor.next()) {
            String[] row = new String[width];
            for (int column = 0; column < width; column++) {
                row[column] = cursor.getString(column + 1);
            }
            add(row);
        }
    }
}
