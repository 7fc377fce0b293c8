package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.Source;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server: exports are started through the REST API as a user would, then their
 * files are read back with parsers other than ours — the database's own CSV reader (PostgreSQL's
 * COPY FROM, H2's CSVREAD) and a plain XML reading of the XLSX — and compared with the source:
 * in CSV, text that starts like a formula has a quote in front and numbers are as they are; in
 * XLSX, texts are as they are (their cells have the quotePrefix style), numbers are numbers and
 * dates are dates.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class ExportedFileIT {

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFolder files;

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(ExportedFileIT.class, Api.class, DemoRealm.class, XlsxSheet.class,
                CsvReadBack.class);
    }

    @Test
    void a_csv_read_back_by_the_database_equals_the_source_with_formulas_neutralised() throws Exception {
        Export export = completedExport("contacts", "CSV");
        Path file = files.completed(export.id(), ExportFormat.CSV);
        Source contacts = catalog.named("contacts");

        List<List<String>> expected = guarded(sourceRows(contacts), contacts);
        List<List<String>> readBack = CsvReadBack.read(file, contacts.columns().size());

        assertEquals(labels(contacts).stream().map(ExportedFileIT::neutralised).toList(), readBack.get(0),
                "header row");
        assertEquals(expected.size(), readBack.size() - 1, "one line per record");
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(expected.get(row), readBack.get(row + 1), "record " + (row + 1));
        }
        assertChecksum(export, file);
        assertTrue(expected.stream().flatMap(List::stream).anyMatch(value -> value.startsWith("'=")),
                "the demo records hold formula-like values, and they were neutralised");
    }

    @Test
    void an_xlsx_is_a_workbook_with_the_source_values() throws Exception {
        Export export = completedExport("deals", "XLSX");
        Path file = files.completed(export.id(), ExportFormat.XLSX);
        Source deals = catalog.named("deals");

        List<List<String>> expected = sourceRows(deals);
        List<List<String>> sheet = XlsxSheet.read(file, deals.columns().size());

        assertEquals(labels(deals), sheet.get(0));
        assertEquals(expected.size(), sheet.size() - 1);
        for (int row = 0; row < expected.size(); row++) {
            for (int column = 0; column < deals.columns().size(); column++) {
                String want = expected.get(row).get(column);
                String got = sheet.get(row + 1).get(column);
                if (deals.columns().get(column).type() == Column.Type.NUMBER && !want.isEmpty()) {
                    assertEquals(0, new BigDecimal(want).compareTo(new BigDecimal(got)), "record " + (row + 1));
                } else {
                    assertEquals(want, got, "record " + (row + 1) + ", column " + (column + 1));
                }
            }
        }
        assertTrue(expected.stream().flatMap(List::stream).anyMatch(value -> value.startsWith("@")),
                "the demo deals hold formula-like values");
        assertEquals(List.of(), XlsxSheet.formulaLikeTextsWithoutQuotePrefix(file, deals.columns().size()),
                "formula-like texts keep the quotePrefix style");
        assertChecksum(export, file);
    }

    @Test
    void a_cancelled_export_stops_its_job_and_leaves_no_file() throws Exception {
        Api bob = Api.as("bob");
        long id = Api.json(bob.post("exports", "{\"source\": \"contacts\", \"format\": \"xlsx\"}"))
                .getJsonNumber("id").longValue();
        bob.awaitSomeWritten(id);

        JsonObject cancelled = Api.json(Api.as("alice").post("exports/" + id + "/cancel", ""));

        assertEquals("CANCELLED", cancelled.getString("status"));
        Export export = em.find(Export.class, id);
        BatchStatus job = awaitJobEnd(export.jobExecutionId());
        assertEquals(BatchStatus.STOPPED, job);
        // The job's end listener deletes it, just after the job reports STOPPED.
        for (int attempt = 0; attempt < 100 && Files.exists(files.partial(id)); attempt++) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(files.partial(id)), "the partial file is deleted within 2 s");
        assertFalse(Files.exists(files.completed(id, ExportFormat.XLSX)), "no file was published");
        em.clear();
        assertEquals("CANCELLED", em.find(Export.class, id).status().name());
    }

    private Export completedExport(String source, String format) throws Exception {
        Api bob = Api.as("bob");
        long id = Api.json(bob.post("exports", "{\"source\": \"" + source + "\", \"format\": \"" + format + "\"}"))
                .getJsonNumber("id").longValue();
        assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"));
        return em.find(Export.class, id);
    }

    private static BatchStatus awaitJobEnd(long executionId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
            if (status != BatchStatus.STARTED && status != BatchStatus.STARTING && status != BatchStatus.STOPPING) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job did not stop within 2 s");
    }

    /** The source's records as text, NULL as empty. */
    private static List<List<String>> sourceRows(Source source) throws Exception {
        DataSource database = (DataSource) new InitialContext().lookup(source.datasource());
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(source.selectQuery(Map.of()));
                ResultSet result = select.executeQuery()) {
            return CsvReadBack.rows(result, source.columns().size());
        }
    }

    /** The records as a CSV should show them: formula-like text guarded, plain numbers of number columns not. */
    private static List<List<String>> guarded(List<List<String>> rows, Source source) {
        List<List<String>> guarded = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> record = new ArrayList<>();
            for (int column = 0; column < row.size(); column++) {
                String value = row.get(column);
                boolean number = source.columns().get(column).type() == Column.Type.NUMBER
                        && value.matches("-?\\d+(\\.\\d+)?");
                record.add(number ? value : neutralised(value));
            }
            guarded.add(record);
        }
        return guarded;
    }

    /** OWASP's rule, written out again here so the test does not trust the code it tests. */
    private static String neutralised(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static List<String> labels(Source source) {
        return source.columns().stream().map(Column::label).toList();
    }

    private static void assertChecksum(Export export, Path file) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha256));
        }
        assertEquals(HexFormat.of().formatHex(sha256.digest()), export.file().sha256());
        assertEquals(Files.size(file), export.file().size());
    }
}
