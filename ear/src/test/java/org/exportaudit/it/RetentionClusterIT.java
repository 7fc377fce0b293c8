package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retention purge runs once per tick in the cluster, not once per node: with both nodes running
 * the retention timer, each file past its download window is purged once (one FILE_PURGED audit
 * record) and is gone from the shared folder. The timer ticks every minute (RetentionTimer); the test
 * moves the exports' end back past the window in the database instead of waiting days, so what it
 * watches is a real tick of the real timer.
 */
class RetentionClusterIT {

    @Test
    void each_file_past_its_window_is_purged_once_while_both_nodes_run_the_retention_timer() throws Exception {
        Cluster cluster = Cluster.running();
        Api bob = Api.as("bob").on(Cluster.BALANCER);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(bob.start("companies", "CSV"));
        }
        List<Path> files = new ArrayList<>();
        for (long id : ids) {
            assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"));
            Path file = cluster.exports().resolve(id + ".csv");
            assertTrue(Files.exists(file), "written to the shared folder: " + file);
            files.add(file);
        }
        for (String node : cluster.nodes()) {
            assertEquals(401, Api.anonymous().on(cluster.app(node)).get("me").statusCode(), node + " runs");
        }

        try (Connection db = cluster.database();
             PreparedStatement age = db.prepareStatement(
                     "UPDATE export SET ended_at = ended_at - INTERVAL '3650 days' WHERE id = ?")) {
            for (long id : ids) {
                age.setLong(1, id);
                assertEquals(1, age.executeUpdate());
            }
        }

        Poll.untilTrue(Duration.ofSeconds(150), Duration.ofMillis(500),
                () -> ids.stream().allMatch(id -> purgeRecords(cluster, id) > 0) && files.stream().noneMatch(Files::exists),
                () -> "not all purged: " + ids.stream().map(id -> id + "=" + purgeRecords(cluster, id)).toList());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(1, purgeRecords(cluster, ids.get(i)), "purged once: export " + ids.get(i));
            assertFalse(Files.exists(files.get(i)), "gone from the shared folder: " + files.get(i));
            assertEquals(410, bob.download(ids.get(i)).statusCode(), "no longer downloadable");
        }
    }

    /** The export's FILE_PURGED audit records. */
    private static long purgeRecords(Cluster cluster, long id) {
        try (Connection db = cluster.database();
             PreparedStatement count = db.prepareStatement(
                     "SELECT count(*) FROM audit_record WHERE kind = 'FILE_PURGED' AND export_id = ?")) {
            count.setLong(1, id);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
