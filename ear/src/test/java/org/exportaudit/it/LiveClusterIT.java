package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The live log through the balancer: alice's page, served by one node, holds its websocket through
 * the balancer, and an export that bob asks of the other node appears in her log without a reload.
 * Each node notices the changes in the shared database itself, so no node has to tell another.
 */
class LiveClusterIT {

    @Test
    void an_export_started_on_the_other_node_appears_in_the_log_without_reloading() throws Exception {
        Cluster cluster = Cluster.running();
        try (Browser alice = new Browser()) {
            alice.open(Cluster.BALANCER + "exports.xhtml");
            alice.signInOnKeycloak("alice");
            alice.text(By.id("log:exports"));
            alice.script("window.samePage = 'yes';"); // gone if the page were loaded again
            String servedBy = alice.text(By.id("served-by"));

            String name = "live-cluster-" + System.nanoTime();
            Api bob = Api.as("bob").on(cluster.app(cluster.other(servedBy)));
            long id = Api.json(bob.post("exports", "{\"source\": \"deals\", \"format\": \"CSV\", \"fileName\": \""
                    + name + "\"}")).getJsonNumber("id").longValue();

            alice.waitUntil(10, () -> alice.rowOf(name + ".csv").getText().contains(name),
                    "bob's export, asked of the other node, in alice's log");
            bob.awaitEnd(id);
            alice.waitUntil(10, () -> alice.rowOf(name + ".csv").getText().contains("Completed"),
                    "the export shown completed");
            assertEquals("yes", alice.script("return window.samePage;"), "the page was redrawn in place, not loaded again");
            assertEquals(servedBy, alice.text(By.id("served-by")), "still the page of the node that served it");
        }
    }
}
