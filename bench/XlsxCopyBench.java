import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Column.Type;
import org.exportaudit.export.entity.ExportFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * An XLSX export's two ways of reading PostgreSQL, in one process, on the bench's bench_contact
 * rows (bench/seed-contacts.sql): COPY's CSV lines into XlsxFile.writeCsvLine (what the server
 * does for PostgreSQL sources) against JDBC rows of Strings into XlsxFile.write (any other
 * database), beside COPY alone (its lines read and dropped). Each read runs on the writing thread
 * (the server reads ahead on a thread of its own); best of three, alternating.
 *
 * <pre>
 * ./mvnw -B -q -pl ejb-module compile
 * java -cp ejb-module/target/classes:$(ls ~/.m2/repository/org/postgresql/postgresql/*&#47;postgresql-*.jar | tail -1) \
 *     bench/XlsxCopyBench.java [jdbc:postgresql://127.0.0.1:5432/export_audit_bench]
 * </pre>
 */
public class XlsxCopyBench {

    private static final String QUERY = "SELECT id, first_name, last_name, email, phone, mobile, job_title, company,"
            + " street, city, postal_code, country, lifecycle_stage, lead_score, owner, created_on, last_contacted_on,"
            + " notes FROM bench_contact ORDER BY id";

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "Contact ID", Type.NUMBER), new Column("first_name", "First name", Type.TEXT),
            new Column("last_name", "Last name", Type.TEXT), new Column("email", "Email", Type.TEXT),
            new Column("phone", "Phone", Type.TEXT), new Column("mobile", "Mobile", Type.TEXT),
            new Column("job_title", "Job title", Type.TEXT), new Column("company", "Company", Type.TEXT),
            new Column("street", "Street", Type.TEXT), new Column("city", "City", Type.TEXT),
            new Column("postal_code", "Postal code", Type.TEXT), new Column("country", "Country", Type.TEXT),
            new Column("lifecycle_stage", "Lifecycle stage", Type.TEXT),
            new Column("lead_score", "Lead score", Type.NUMBER), new Column("owner", "Contact owner", Type.TEXT),
            new Column("created_on", "Created on", Type.DATE),
            new Column("last_contacted_on", "Last contacted on", Type.DATE), new Column("notes", "Notes", Type.TEXT));

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/export_audit_bench";
        Path[] files = {null, Files.createTempFile("xlsx-copy-bench", ".xlsx"),
                Files.createTempFile("xlsx-jdbc-bench", ".xlsx")};
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] sizes = new long[3];
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            for (int round = 0; round < 3; round++) {
                for (int way = 0; way < 3; way++) {
                    long start = System.nanoTime();
                    long rows = switch (way) {
                        case 0 -> copyAlone(connection);
                        case 1 -> copyIntoXlsx(connection, files[1]);
                        default -> jdbcIntoXlsx(connection, files[2]);
                    };
                    long took = System.nanoTime() - start;
                    best[way] = Math.min(best[way], took);
                    sizes[way] = way == 0 ? 0 : Files.size(files[way]);
                    System.out.printf("round %d %-22s %,d rows %6.2f s%n", round + 1, name(way), rows, took / 1e9);
                    connection.rollback();
                }
            }
            System.out.println("the two workbooks are byte-identical: " + (Files.mismatch(files[1], files[2]) < 0));
        } finally {
            Files.deleteIfExists(files[1]);
            Files.deleteIfExists(files[2]);
        }
        System.out.printf("%nbest of 3: %s %.2f s | %s %.2f s (%.2fx COPY) | %s %.2f s (%.2fx COPY); files %,d and %,d bytes%n",
                name(0), best[0] / 1e9, name(1), best[1] / 1e9, (double) best[1] / best[0],
                name(2), best[2] / 1e9, (double) best[2] / best[0], sizes[1], sizes[2]);
    }

    private static String name(int way) {
        return List.of("COPY alone", "COPY -> writeCsvLine", "JDBC -> write").get(way);
    }

    private static long copyAlone(Connection connection) throws Exception {
        CopyOut copy = copy(connection);
        long rows = 0;
        while (copy.readFromCopy() != null) {
            rows++;
        }
        return rows;
    }

    private static long copyIntoXlsx(Connection connection, Path file) throws Exception {
        CopyOut copy = copy(connection);
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            RecordFile xlsx = RecordFile.open(ExportFormat.XLSX, out, COLUMNS, task -> new Thread(task).start());
            for (byte[] line = copy.readFromCopy(); line != null; line = copy.readFromCopy()) {
                xlsx.writeCsvLine(line);
                rows++;
            }
            xlsx.finish();
        }
        return rows;
    }

    private static long jdbcIntoXlsx(Connection connection, Path file) throws Exception {
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setFetchSize(5_000);
            RecordFile xlsx = RecordFile.open(ExportFormat.XLSX, out, COLUMNS, task -> new Thread(task).start());
            try (ResultSet cursor = select.executeQuery()) {
                String[] row = new String[COLUMNS.size()];
                while (cursor.next()) {
                    for (int column = 0; column < row.length; column++) {
                        row[column] = cursor.getString(column + 1);
                    }
                    xlsx.write(row);
                    rows++;
                }
            }
            xlsx.finish();
        }
        return rows;
    }

    private static CopyOut copy(Connection connection) throws Exception {
        return connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + QUERY + ") TO STDOUT WITH (FORMAT csv, ENCODING 'UTF8')");
    }
}
