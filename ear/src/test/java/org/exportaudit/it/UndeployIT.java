package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying while exports run (as an upgrade or a shutdown does): the jobs are stopped before the
 * application goes, so none of them runs on into its vanished beans (WELD-000229 errors), and the
 * exports are handed back: once the application is back, it takes them over and completes them
 * (before exports had leases, they were marked FAILED "Interrupted").
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final Pattern HANDED_BACK = Pattern.compile(
            "Stopped \\d+ running export\\(s\\) on shutdown, handed back to be taken over: \\[([0-9, ]+)\\]");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "undeployed", managed = false)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    @Test
    void running_exports_are_stopped_when_the_application_is_undeployed_and_completed_once_it_is_back() throws Exception {
        deployer.deploy("undeployed");
        Api bob = Api.as("bob");
        // Three, not two: 100,000 contacts take about a second, and one may end between the moment it
        // was seen writing and the undeploy; what the test needs is exports that were running then.
        List<Long> running = List.of(bob.start("contacts", "XLSX"), bob.start("contacts", "XLSX"),
                bob.start("contacts", "XLSX"));
        for (long id : running) {
            bob.awaitSomeWritten(id);
        }
        ServerLog log = ServerLog.fromNow();
        Instant undeployedAt = Instant.now();

        deployer.undeploy("undeployed");

        String undeploy = log.await(logged -> logged.contains("WFLYSRV0028"), "the undeployment (WFLYSRV0028)");
        assertFalse(undeploy.contains("WELD-000229"), undeploy);
        assertFalse(undeploy.contains("ERROR"), undeploy);
        Matcher stopped = HANDED_BACK.matcher(undeploy);
        assertTrue(stopped.find(), undeploy);
        List<Long> handedBack = Arrays.stream(stopped.group(1).split(",\\s*")).map(Long::valueOf).toList();
        assertTrue(running.stream().anyMatch(handedBack::contains), "some of " + running + " were stopped: " + undeploy);
        assertFalse(undeploy.contains("still ran after"), "the jobs ended before the wait ran out: " + undeploy);

        deployer.deploy("undeployed");
        try {
            for (long id : running) {
                JsonObject export = Api.as("bob").awaitEnd(id);
                assertEquals("COMPLETED", export.getString("status"), export.toString());
                assertTrue(handedBack.contains(id) || Instant.parse(export.getString("endedAt")).isBefore(undeployedAt),
                        "an export not handed back had completed before the undeploy: " + export);
                assertTrue(export.getBoolean("downloadable"));
                assertEquals(export.getJsonNumber("records").longValue(),
                        export.getJsonObject("progress").getJsonNumber("written").longValue(), export.toString());
            }
        } finally {
            deployer.undeploy("undeployed");
        }
    }
}
