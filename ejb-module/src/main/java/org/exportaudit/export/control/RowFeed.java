package org.exportaudit.export.control;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Any JDBC source: rows of text values ({@code String[]}), read from an open cursor. */
final class RowFeed extends SourceFeed {

    private final ResultSet cursor;
    private final int width;

    RowFeed(ResultSet cursor, int width) {
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
