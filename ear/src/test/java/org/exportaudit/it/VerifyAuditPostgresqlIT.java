package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/verify-audit} as an operator runs it: a process of its own against the production
 * database (PostgreSQL, the tests' database), while the server keeps running. Only the PostgreSQL
 * phase runs it: the embedded H2 lets one process open its file, and that is the server.
 */
@AsksTheDatabase
@DeployedOnce
class VerifyAuditPostgresqlIT {

    private static final String URL = System.getProperty("export-audit.it.database-url");
    private static final Path ROOT = Path.of(System.getProperty("export-audit.root", ".."));

    @Test
    void an_untouched_chain_verifies_and_the_command_says_so() throws Exception {
        auditedAction();

        Run run = verifyAudit("--url", URL, "--user", "postgres");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().startsWith("Audit chain valid: "), run.output());
        assertTrue(run.output().contains("head #" + head()), run.output());
    }

    @Test
    void an_edited_record_makes_the_command_fail_and_name_it() throws Exception {
        auditedAction();
        long seq = head();
        try (Connection connection = database(); Statement sql = connection.createStatement()) {
            String detail = detailAt(sql, seq);
            sql.execute("ALTER TABLE audit_record DISABLE TRIGGER USER");
            try {
                sql.executeUpdate("UPDATE audit_record SET actor = 'mallory' WHERE seq = " + seq);
                Run broken = verifyAudit("--url", URL, "--user", "postgres");
                assertEquals(1, broken.exit(), broken.output());
                assertTrue(broken.output().startsWith("Audit chain BROKEN at #" + seq + ": "), broken.output());
            } finally {
                sql.executeUpdate("UPDATE audit_record SET actor = 'alice', detail = '" + detail.replace("'", "''")
                        + "' WHERE seq = " + seq);
                sql.execute("ALTER TABLE audit_record ENABLE TRIGGER USER");
            }
        }
        assertEquals(0, verifyAudit("--url", URL, "--user", "postgres").exit());
    }

    @Test
    void anchors_kept_elsewhere_are_checked_from_the_command_line_and_from_a_file() throws Exception {
        auditedAction();
        long head = head();
        String hash = hashAt(head);
        Path kept = Files.createTempFile("anchors", ".log");
        Files.writeString(kept, "12:00:00 INFO Audit anchor: seq=" + head + " hash=" + hash + " at=…\n");

        assertEquals(0, verifyAudit("--url", URL, "--user", "postgres", "--anchors", kept.toString()).exit());

        String other = (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1);
        Run run = verifyAudit("--url", URL, "--user", "postgres", "--anchor", head + ":" + other);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("BROKEN at #" + head + ": #" + head + " has another hash than the anchor"),
                run.output());
    }

    @Test
    void bad_arguments_and_an_unreachable_database_exit_2_with_a_message() throws Exception {
        Run noUrl = verifyAudit("--user", "postgres");
        assertEquals(2, noUrl.exit());
        assertTrue(noUrl.output().contains("--url (or EXPORT_AUDIT_DB_URL) is required"), noUrl.output());

        Run badAnchor = verifyAudit("--url", URL, "--anchor", "12:nothex");
        assertEquals(2, badAnchor.exit());
        assertTrue(badAnchor.output().contains("--anchor takes SEQ:HASH"), badAnchor.output());

        Run unreachable = verifyAudit("--url", "jdbc:postgresql://127.0.0.1:5432/no_such_database", "--user", "postgres");
        assertEquals(2, unreachable.exit());
        assertTrue(unreachable.output().contains("the audit chain could not be read"), unreachable.output());
    }

    private static void auditedAction() throws Exception {
        Api alice = Api.as("alice");
        String before = Api.json(alice.get("settings/large-export-threshold")).toString();
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": null}").statusCode());
        assertEquals(200, alice.put("settings/large-export-threshold", before).statusCode());
        // Both records join the chain right after their commit, on the server's own thread.
        Poll.untilTrue(Duration.ofSeconds(10), Duration.ofMillis(10), () -> {
            try (Connection connection = database(); Statement sql = connection.createStatement();
                    ResultSet pending = sql.executeQuery("SELECT COUNT(*) FROM audit_pending")) {
                pending.next();
                return pending.getLong(1) == 0;
            }
        }, () -> "audit records still wait to be chained");
    }

    private static Run verifyAudit(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/verify-audit").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/verify-audit did not end within 2 minutes");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", null);
    }

    private static long head() throws SQLException {
        try (Connection connection = database(); Statement sql = connection.createStatement();
                ResultSet head = sql.executeQuery("SELECT head_seq FROM audit_chain")) {
            head.next();
            return head.getLong(1);
        }
    }

    private static String hashAt(long seq) throws SQLException {
        try (Connection connection = database(); Statement sql = connection.createStatement();
                ResultSet hash = sql.executeQuery("SELECT hash FROM audit_record WHERE seq = " + seq)) {
            hash.next();
            return hash.getString(1).trim();
        }
    }

    private static String detailAt(Statement sql, long seq) throws SQLException {
        try (ResultSet detail = sql.executeQuery("SELECT detail FROM audit_record WHERE seq = " + seq)) {
            detail.next();
            return detail.getString(1);
        }
    }

    private record Run(int exit, String output) {
    }
}
