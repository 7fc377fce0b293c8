package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cancel sent to the node that does not run the export stops it where it runs: the export is
 * CANCELLED at once, and within 2 s its job has stopped (the running node's lease heartbeat sees
 * the export is no longer its own) and removed its partial file; nothing more is written.
 */
class CancelClusterIT {

    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(2);

    @Test
    void a_cancel_through_the_other_node_stops_the_export_where_it_runs_within_2_seconds() throws Exception {
        Cluster cluster = Cluster.running();
        Api bob = Api.as("bob").on(Cluster.BALANCER);
        long id = bob.start("big-contacts", "CSV"); // slow on purpose: see TakeoverClusterIT
        String runner = Cluster.awaitWriting(bob, id).getString("node");
        String other = cluster.other(runner);

        JsonObject cancelled = Api.json(Api.as("alice").on(cluster.app(other)).post("exports/" + id + "/cancel", "{}"));
        long sent = System.nanoTime();

        assertEquals("CANCELLED", cancelled.getString("status"), cancelled.toString());
        Poll.untilTrue(STOPPED_WITHIN, Duration.ofMillis(50), () -> TakeoverClusterIT.filesOf(cluster.exports(), id).isEmpty(),
                () -> "the job on " + runner + " did not remove its partial file: " + filesOfQuietly(cluster, id));
        System.out.println("Cancel of export " + id + " through " + other + ": the job on " + runner + " ended "
                + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms after the cancel");
        // The job has ended (only its end removes the partial file): nothing it wrote after the
        // cancel counted, as the node that ran it tells.
        JsonObject after = Api.json(bob.on(cluster.app(runner)).get("exports/" + id));
        assertEquals("CANCELLED", after.getString("status"), after.toString());
        assertEquals(cancelled.getJsonObject("progress").getJsonNumber("written").longValue(),
                after.getJsonObject("progress").getJsonNumber("written").longValue(), "nothing more written");
        assertEquals(List.of(), TakeoverClusterIT.filesOf(cluster.exports(), id));
    }

    private static List<String> filesOfQuietly(Cluster cluster, long id) {
        try {
            return TakeoverClusterIT.filesOf(cluster.exports(), id);
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }
}
