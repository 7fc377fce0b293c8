package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cluster the *ClusterIT tests run against: WildFly's load balancer and two nodes on
 * export-audit-ha.xml, one PostgreSQL database and one export folder, as bin/cluster starts them,
 * every port 1000 up from the demo's (export-audit.it.cluster.port-offset: balancer 9080, node-1
 * 9280, node-2 9380; their mail to MailSink's port), so that the cluster tests run beside the
 * PostgreSQL tests' server. One cluster per test JVM: started by the first test that asks for it,
 * stopped when the JVM exits, so all cluster tests share its start (about a minute).
 */
final class Cluster {

    private static final int PORT_OFFSET = Integer.getInteger("export-audit.it.cluster.port-offset", 0);

    static final URI BALANCER = URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/export-audit/");

    static final String DATABASE = "export_audit_cluster";

    /** The large source's rows, bench/seed-contacts.sql's :rows; change it here (or its SQL) for a slower source. */
    static final int BIG_CONTACTS = 1_000_000;

    private static final Path ROOT = Path.of(System.getProperty("export-audit.root", "..")).toAbsolutePath().normalize();
    private static final Path DIR = ROOT.resolve("ear/target/cluster");
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private static Cluster running;

    private Cluster() {
    }

    /** The cluster, started on the first call: a fresh database with the demo records and big-contacts. */
    static synchronized Cluster running() throws Exception {
        if (running == null) {
            if (Files.isDirectory(DIR)) {
                bin("stop", DIR.toString()); // what a killed test run may have left running
            }
            freshDatabase();
            Path sources = ROOT.resolve("ear/src/test/resources/cluster-sources.json");
            bin("start", DIR.toString(), DATABASE,
                    "-Dexport-audit.sources=" + sources,
                    "-Dexport-audit.demo-records=true",
                    // The outbox's retries come quickly, so that a mail sink started late is reached within seconds.
                    "-Dexport-audit.mail.first-retry=PT1S", "-Dexport-audit.mail.longest-retry=PT2S",
                    "-Dexport-audit.mail.attempts=100",
                    "-Dexport-audit.smtp.port=" + MailSink.PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    bin("stop", DIR.toString());
                } catch (Exception e) {
                    System.err.println("Stopping the cluster failed: " + e);
                }
            }));
            running = new Cluster();
        }
        return running;
    }

    List<String> nodes() {
        return List.of("node-1", "node-2");
    }

    /** The node that is not {@code node}: the survivor of a kill, the one a cross-node call goes to. */
    String other(String node) {
        return nodes().stream().filter(name -> !name.equals(node)).findFirst().orElseThrow();
    }

    /**
     * Waits until the export has written some rows, still running, and returns it (its "node" says
     * where it runs). Fails if it ends first: the test meant to act on it while it runs.
     */
    static JsonObject awaitWriting(Api api, long id) throws Exception {
        return Poll.until(Duration.ofSeconds(30), Duration.ofMillis(20), () -> {
            JsonObject export = Api.json(api.get("exports/" + id));
            assertEquals("PROCESSING", export.getString("status"), "ended while the test waited to act on it: " + export);
            return Optional.of(export).filter(e -> e.getJsonObject("progress").getJsonNumber("written").longValue() > 0);
        }, () -> "export " + id + " wrote nothing");
    }

    /** A node's own address, past the balancer. */
    URI app(String node) {
        return URI.create("http://127.0.0.1:" + (8080 + offset(node)) + "/export-audit/");
    }

    /** kill -9 of the node; returns when its process is gone. */
    void kill(String node) throws Exception {
        bin("kill", DIR.toString(), node);
    }

    /** Starts a killed node again, with the same arguments; returns when it answers. */
    void start(String node) throws Exception {
        bin("start-node", DIR.toString(), node);
    }

    /** The folder every node writes its export files to and reads them from. */
    Path exports() {
        return DIR.resolve("exports");
    }

    Path serverLog(String node) {
        return DIR.resolve(node).resolve("log/server.log");
    }

    /** A connection to the cluster's database, for what the tests check in the audit. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(POSTGRES + DATABASE, "postgres", "");
    }

    private static int offset(String node) {
        return switch (node) {
            case "node-1" -> PORT_OFFSET + 200;
            case "node-2" -> PORT_OFFSET + 300;
            default -> throw new IllegalArgumentException("no such node: " + node);
        };
    }

    /** Drops and creates the database and seeds the large source with bench/seed-contacts.sql. */
    private static void freshDatabase() throws Exception {
        try (Connection postgres = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-v", "rows=" + BIG_CONTACTS, "-h", "127.0.0.1",
                "-U", "postgres", "-d", DATABASE, "-f", ROOT.resolve("bench/seed-contacts.sql").toString()));
    }

    private static void bin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/cluster").toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    /** Runs a command to its end (at most 10 minutes), its output in ear/target/cluster.log; fails unless it succeeds. */
    private static void run(List<String> command) throws Exception {
        Files.createDirectories(DIR.getParent());
        Path log = DIR.getParent().resolve("cluster.log");
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("EXPORT_AUDIT_CLUSTER_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command + " did not end within 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed (" + process.exitValue() + "); see " + log);
        }
    }
}
