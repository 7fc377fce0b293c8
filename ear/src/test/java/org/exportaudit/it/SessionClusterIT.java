package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A page session survives its node: alice, signed in through the balancer, goes on working on the
 * other node after hers is killed, with the same session (replicated, <distributable/>) and the same
 * OIDC sign-in (elytron-oidc-client keeps its account in the session): no Keycloak round trip.
 */
class SessionClusterIT {

    @Test
    void a_super_admin_keeps_working_on_the_other_node_when_hers_is_killed() throws Exception {
        Cluster cluster = Cluster.running();
        try (Browser alice = new Browser()) {
            alice.open(Cluster.BALANCER + "settings.xhtml");
            alice.signInOnKeycloak("alice");
            alice.waitUntil(60, () -> alice.isShown(By.id("settings:threshold")),
                    "the settings page after the sign-in");
            String first = alice.text(By.id("served-by"));
            String session = alice.cookie("JSESSIONID");
            assertEquals(first, route(session), "mod_cluster routes by the node name appended to the session id");
            String other = cluster.nodes().stream().filter(node -> !node.equals(first)).findFirst().orElseThrow();

            cluster.kill(first);

            // A postback of the page the dead node rendered: its view (server-side state) and the
            // sign-in must both be on the survivor, or the save would be lost in a sign-in redirect.
            alice.type(By.id("settings:threshold"), "4321");
            alice.click(By.id("settings:save"));
            alice.waitUntil(30, () -> alice.isShown(By.cssSelector("#settings\\:saved .ui-messages-info")),
                    "the save on the survivor (the dead node cannot have answered)");
            assertEquals(4321, Api.json(Api.as("alice").on(Cluster.BALANCER).get("settings/large-export-threshold"))
                    .getInt("threshold"));

            alice.open(Cluster.BALANCER + "settings.xhtml");
            assertFalse(alice.url().startsWith(DemoRealm.KEYCLOAK), "no sign-in asked: " + alice.url());
            alice.waitUntil(20, () -> alice.isShown(By.id("settings:threshold")), "the settings page from the survivor");
            assertEquals("4321", alice.value(By.id("settings:threshold")));
            assertEquals(other, alice.text(By.id("served-by")));
            String moved = alice.cookie("JSESSIONID");
            assertEquals(id(session), id(moved), "the same session, replicated to " + other);
            assertNotEquals(first, route(moved), "routed to the survivor now");
        } finally {
            for (String node : cluster.nodes()) {
                if (!answers(cluster, node)) {
                    cluster.start(node);
                }
            }
        }
    }

    private static boolean answers(Cluster cluster, String node) {
        try {
            return Api.anonymous().on(cluster.app(node)).get("me").statusCode() == 401;
        } catch (Exception down) {
            return false;
        }
    }

    /** The session id without the route that mod_cluster appends (id.node-1). */
    private static String id(String cookie) {
        return cookie.substring(0, cookie.lastIndexOf('.'));
    }

    private static String route(String cookie) {
        return cookie.substring(cookie.lastIndexOf('.') + 1);
    }
}
