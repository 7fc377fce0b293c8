package org.exportaudit.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * An exported CSV read back, inside the server, by the database's own CSV reader (PostgreSQL's
 * COPY FROM, H2's CSVREAD), not by ours: every line a row of texts, the header line the first,
 * NULL as empty.
 */
final class CsvReadBack {

    private CsvReadBack() {
    }

    static List<List<String>> read(Path file, int width) throws Exception {
        DataSource database = (DataSource) new InitialContext().lookup("java:jboss/datasources/ExportAuditSourcesDS");
        try (Connection connection = database.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            return postgres ? copyFrom(connection, file, width) : csvRead(connection, file, width);
        }
    }

    /** PostgreSQL's COPY FROM … CSV, header included as a row of its own. */
    private static List<List<String>> copyFrom(Connection connection, Path file, int width) throws Exception {
        StringBuilder columns = new StringBuilder();
        for (int column = 1; column <= width; column++) {
            columns.append(column == 1 ? "" : ", ").append("c").append(column);
        }
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE read_back (line SERIAL, "
                    + columns.toString().replace(",", " TEXT,") + " TEXT) ON COMMIT DROP");
            statement.execute("COPY read_back (" + columns + ") FROM '" + file.toAbsolutePath()
                    + "' WITH (FORMAT csv, HEADER false, ENCODING 'UTF8')");
            try (ResultSet result = statement.executeQuery("SELECT " + columns + " FROM read_back ORDER BY line")) {
                return rows(result, width);
            }
        } finally {
            connection.rollback();
        }
    }

    /** H2's CSVREAD, told that there is no header so that it returns the header as a row too. */
    private static List<List<String>> csvRead(Connection connection, Path file, int width) throws Exception {
        StringBuilder columns = new StringBuilder();
        for (int column = 1; column <= width; column++) {
            columns.append(column == 1 ? "" : "|").append("C").append(column);
        }
        // CSVREAD takes its arguments as literals, not parameters; the path is the test's own.
        String sql = "SELECT * FROM CSVREAD('" + file.toAbsolutePath().toString().replace("'", "''") + "', '"
                + columns.toString().replace('|', ',') + "', 'charset=UTF-8 fieldSeparator=,')";
        try (var read = connection.createStatement(); ResultSet result = read.executeQuery(sql)) {
            return rows(result, width);
        }
    }

    /** A result's rows as text, NULL as empty: as a CSV file holds them. */
    static List<List<String>> rows(ResultSet result, int width) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        while (result.next()) {
            List<String> row = new ArrayList<>(width);
            for (int column = 1; column <= width; column++) {
                String value = result.getString(column);
                row.add(value == null ? "" : value);
            }
            rows.add(row);
        }
        return rows;
    }
}
