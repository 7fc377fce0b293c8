package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A node is killed (kill -9) in the middle of a 1,000,000-row export: the surviving node takes the
 * export over once the dead node's lease ran out and completes it — the very file an uninterrupted
 * export writes (same SHA-256), the right record count, one notice per admin, no partial file left —
 * and the audit says from which node to which.
 * <p>
 * The source "big-contacts" (declared in the harness's src/test/resources/cluster-sources.json) reads bench_contact
 * (1,000,000 rows) and sleeps 0.5 s in PostgreSQL at every 100,000th row, in its count and in its
 * rows: a plain CSV export of a million rows takes two seconds, too fast to kill in the middle
 * reliably; this one takes some ten, the same every time.
 */
class TakeoverClusterIT {

    /** export-audit.lease.seconds, the default: the harness sets nothing else. */
    private static final Duration LEASE = Duration.ofSeconds(15);

    /** A takeover tick comes every 5 s after the lease ran out; the new job needs a moment to start. */
    private static final Duration TAKEOVER_MARGIN = Duration.ofSeconds(10);

    private static final long ROWS = 1_000_000;

    @Test
    void the_survivor_completes_the_export_of_a_killed_node_with_the_same_file() throws Exception {
        Cluster cluster = Cluster.running();
        Api bob = Api.as("bob").on(Cluster.BALANCER);
        Api alice = Api.as("alice").on(Cluster.BALANCER);
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());

        JsonObject uninterrupted = awaitEnd(bob, bob.start("big-contacts", "CSV"), Duration.ofMinutes(1));
        assertEquals("COMPLETED", uninterrupted.getString("status"), uninterrupted.toString());
        assertEquals(ROWS, uninterrupted.getJsonNumber("records").longValue());

        long id = bob.start("big-contacts", "CSV");
        String victim = Cluster.awaitWriting(bob, id).getString("node");
        String survivor = cluster.other(victim);
        Api onSurvivor = bob.on(cluster.app(survivor));
        try {
            cluster.kill(victim);
            long killed = System.nanoTime();

            JsonObject takenOver = Poll.until(LEASE.plus(TAKEOVER_MARGIN), Duration.ofMillis(200), () -> {
                JsonObject export = Api.json(onSurvivor.get("exports/" + id));
                return Optional.of(export).filter(e -> !"PROCESSING".equals(e.getString("status"))
                        || survivor.equals(e.getString("node", null)));
            }, () -> "export " + id + " not taken over by " + survivor + " within the lease and a margin");
            Duration toTakeover = Duration.ofNanos(System.nanoTime() - killed);
            JsonObject done = awaitEnd(onSurvivor, id, Duration.ofMinutes(1));
            Duration toCompletion = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("Takeover of export " + id + " from " + victim + ": taken over "
                    + toTakeover.toMillis() + " ms and completed " + toCompletion.toMillis() + " ms after the kill");

            assertEquals("PROCESSING", takenOver.getString("status"), "it was taken over, not ended: " + takenOver);
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(uninterrupted.getString("sha256"), done.getString("sha256"), "the same file, byte for byte");
            assertEquals(uninterrupted.getJsonNumber("fileSize"), done.getJsonNumber("fileSize"));
            assertEquals(ROWS, done.getJsonNumber("records").longValue());
            assertEquals(ROWS, done.getJsonObject("progress").getJsonNumber("written").longValue());
            assertEquals(List.of(id + ".csv"), filesOf(cluster.exports(), id), "the file, and no partial file");

            try (Connection database = cluster.database()) {
                List<JsonObject> takeovers = takeovers(database, id);
                assertEquals(1, takeovers.size(), takeovers.toString());
                assertEquals(victim, takeovers.get(0).getString("from"));
                assertEquals(survivor, takeovers.get(0).getString("to"));
                assertEquals(1, notices(database, id, "alice"), "one notice, though the records were counted twice");
            }
        } finally {
            cluster.start(victim);
            alice.put("settings/large-export-threshold", "{\"threshold\": null}"); // as the other cluster tests expect
        }
    }

    static JsonObject awaitEnd(Api api, long id, Duration within) throws Exception {
        return Poll.until(within, Duration.ofMillis(200), () -> Optional.of(Api.json(api.get("exports/" + id)))
                .filter(export -> !"PROCESSING".equals(export.getString("status"))), () -> "export " + id + " still PROCESSING");
    }

    static List<String> filesOf(Path exports, long id) throws Exception {
        try (Stream<Path> files = Files.list(exports)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(id + ".")).sorted()
                    .toList();
        }
    }

    private static List<JsonObject> takeovers(Connection database, long id) throws Exception {
        try (PreparedStatement audit = database.prepareStatement(
                "SELECT detail FROM audit_record WHERE export_id = ? AND kind = 'EXPORT_TAKEN_OVER' ORDER BY id")) {
            audit.setLong(1, id);
            List<JsonObject> details = new ArrayList<>();
            try (ResultSet records = audit.executeQuery()) {
                while (records.next()) {
                    details.add(Json.createReader(new StringReader(records.getString(1))).readObject());
                }
            }
            return details;
        }
    }

    private static long notices(Connection database, long id, String admin) throws Exception {
        try (PreparedStatement notices = database.prepareStatement(
                "SELECT COUNT(*) FROM notice WHERE export_id = ? AND admin_username = ?")) {
            notices.setLong(1, id);
            notices.setString(2, admin);
            try (ResultSet count = notices.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
