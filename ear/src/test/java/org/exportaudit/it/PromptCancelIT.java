package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cancel stops an export within 2 seconds whatever its source query is doing. The test server's
 * sources (it-sources.json) hold {@code slow}: 4,000 rows, each 1 ms late — {@code pg_sleep} on
 * PostgreSQL, {@code Thread.sleep} as a function alias on H2 — so its COUNT takes some 5 s, and its
 * SELECT (or COPY) as long again. The export is cancelled while the database is seen running the one
 * or the other; it has ended when its job has, no file is left, and the database no longer runs its
 * query. They also hold {@code broken}, whose query divides by zero at its third row: the export
 * fails, and says so in our words with an incident id, never the database's.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class PromptCancelIT {

    private static final Duration PROMPT = Duration.ofSeconds(2);
    /**
     * Rows of the slow source, each a millisecond late: H2 looks for a cancel every 128 rows, so
     * many short waits, not a few long ones, are what a slow query looks like to it.
     */
    private static final long ROWS = 4_000;

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    ExportFolder files;

    @Deployment
    static EnterpriseArchive ear() {
        return ExportAuditEar.withProbe(PromptCancelIT.class, Api.class, DemoRealm.class);
    }

    @Test
    void a_cancel_while_the_count_runs_stops_the_export_within_2_s() throws Exception {
        long id = Api.as("bob").start("slow", "CSV");
        awaitRunning(Query.COUNT);

        Duration took = cancelAndAwaitEnd(id);

        assertNull(export(id).records(), "never counted");
        System.out.println("PromptCancelIT: cancelled during the COUNT, the export ended after " + took.toMillis() + " ms");
        assertTrue(took.compareTo(PROMPT) <= 0, "ended " + took.toMillis() + " ms after the cancel");
    }

    @Test
    void a_cancel_while_the_csv_select_runs_stops_the_export_within_2_s() throws Exception {
        cancelWhileTheSelectRuns("CSV");
    }

    @Test
    void a_cancel_while_the_xlsx_select_runs_stops_the_export_within_2_s() throws Exception {
        cancelWhileTheSelectRuns("XLSX");
    }

    @Test
    @RunAsClient
    void a_failed_export_says_what_happened_in_our_words_and_the_caller_s_language_never_the_database_s() throws Exception {
        Path log = Path.of(System.getProperty("export-audit.it.server"), "log", "server.log");
        long id = Api.as("bob").start("broken", "CSV");
        JsonObject failed = Api.as("bob").awaitEnd(id);
        assertEquals("FAILED", failed.getString("status"), failed.toString());

        String incident = failed.getString("incident");
        assertTrue(incident.matches("[0-9A-F]{12}"), failed.toString());
        assertEquals("The export could not be completed: reading its source or writing its file failed. Incident "
                + incident + ": the server's log says more under this id.", failed.getString("failure"));
        JsonObject swedish = Api.json(Api.as("bob").accepting("sv").get("exports/" + id));
        assertEquals("Exporten kunde inte slutföras: läsningen av källan eller skrivningen av filen misslyckades."
                + " Incident " + incident + ": serverns logg säger mer under detta id.", swedish.getString("failure"));
        for (JsonObject answer : new JsonObject[] {failed, swedish}) {
            String said = answer.toString().toLowerCase(java.util.Locale.ROOT);
            for (String databaseText : new String[] {"zero", "sql", "select", "system_range", "generate_series", "exception"}) {
                assertFalse(said.contains(databaseText), "'" + databaseText + "' in " + answer);
            }
        }
        // the operator finds the database's own words under the incident, in the server's log alone
        Poll.untilTrue(Duration.ofSeconds(10), Duration.ofMillis(100),
                () -> Files.readString(log, StandardCharsets.ISO_8859_1).lines()
                        .anyMatch(line -> line.contains("Incident " + incident)),
                () -> "incident " + incident + " not in " + log);
        String logged = Files.readString(log, StandardCharsets.ISO_8859_1);
        String fromIncident = logged.substring(logged.indexOf("Incident " + incident));
        assertTrue(fromIncident.toLowerCase(java.util.Locale.ROOT).contains("by zero"),
                "the cause beside the incident: " + fromIncident.lines().limit(20).toList());
    }

    private void cancelWhileTheSelectRuns(String format) throws Exception {
        long id = Api.as("bob").start("slow", format);
        awaitRunning(Query.SELECT);

        Duration took = cancelAndAwaitEnd(id);

        assertEquals(ROWS, export(id).records(), "counted before the cancel");
        System.out.println("PromptCancelIT: cancelled during the " + format + " SELECT, the export ended after "
                + took.toMillis() + " ms");
        assertTrue(took.compareTo(PROMPT) <= 0, "ended " + took.toMillis() + " ms after the cancel");
    }

    /**
     * Cancels as a super admin and waits (2 s and a little slack) until the job has ended, no file
     * of the export is left and the database runs none of its queries: how long that took.
     */
    private Duration cancelAndAwaitEnd(long id) throws Exception {
        Api alice = Api.as("alice");
        long start = System.nanoTime();
        JsonObject cancelled = Api.json(alice.post("exports/" + id + "/cancel", ""));
        assertEquals("CANCELLED", cancelled.getString("status"), cancelled.toString());
        long deadline = start + PROMPT.plusMillis(500).toNanos();
        Long execution = export(id).jobExecutionId();
        assertNotNull(execution, "the job had begun");
        try {
            Poll.untilTrue(Duration.ofNanos(deadline - System.nanoTime()), Duration.ofMillis(10),
                    () -> hasEnded(execution) && !hasFiles(id) && running() == null, () -> "the export's end");
        } catch (AssertionError late) {
            // the assertions below say which part of the end is missing
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(hasEnded(execution), "the job still runs " + took.toMillis() + " ms after the cancel: "
                + BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus());
        assertFalse(hasFiles(id), "no file is left");
        assertNull(running(), "the database no longer runs the export's query");
        assertEquals("CANCELLED", export(id).status().name());
        return took;
    }

    private static boolean hasEnded(long execution) {
        BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        return !Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING).contains(status);
    }

    private boolean hasFiles(long id) {
        return Files.exists(files.partial(id)) || Files.exists(files.completed(id, ExportFormat.CSV))
                || Files.exists(files.completed(id, ExportFormat.XLSX));
    }

    private Export export(long id) {
        em.clear();
        return em.find(Export.class, id);
    }

    private enum Query { COUNT, SELECT }

    /** Waits until the database is seen running the slow source's COUNT, or its SELECT. */
    private static void awaitRunning(Query query) throws Exception {
        Poll.untilTrue(Duration.ofSeconds(20), Duration.ofMillis(10), () -> running() == query,
                () -> "the database did not run the slow " + query);
    }

    /** Which query of the slow source the database runs now, if any. */
    private static Query running() throws Exception {
        DataSource sources = (DataSource) new InitialContext().lookup("java:jboss/datasources/ExportAuditSourcesDS");
        try (Connection connection = sources.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgresql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            try (ResultSet running = statement.executeQuery(postgresql
                    ? "SELECT query FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid()"
                    : "SELECT EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS"
                            + " WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT IS NOT NULL")) {
                while (running.next()) {
                    String sql = running.getString(1);
                    if (sql.contains("IT_PAUSE(1 + 0") || sql.contains("pg_sleep(0.001 + 0")) {
                        return sql.startsWith("SELECT COUNT(*)") ? Query.COUNT : Query.SELECT;
                    }
                }
            }
        }
        return null;
    }
}
