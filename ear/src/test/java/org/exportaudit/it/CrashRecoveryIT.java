package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server process is killed (SIGKILL, no shutdown of any kind) in the middle of an export, on a
 * server of its own, then started again: the node takes over the export its previous life was
 * running and completes it — the same file, byte for byte, as an uninterrupted export, no partial
 * file left — and the persistent retention timer is still scheduled, as it was stored. (Before
 * exports had leases, the promise was weaker: the export was FAILED "Interrupted".)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashRecoveryIT {

    private static final String SERVER = "crash-server";
    private static final URI APP = URI.create("http://127.0.0.1:8280/export-audit/");
    private static final Path BASE_DIR = Path.of(System.getProperty("export-audit.it.server") + "-crash");
    private static final Path EXPORTS = BASE_DIR.resolve("data/export-audit/exports");
    private static final String RETENTION_TIMERS = "/deployment=export-audit.ear/subdeployment=export-audit-ejb.jar"
            + "/subsystem=ejb3/singleton-bean=RetentionTimer/service=timer-service";

    @ArquillianResource
    ContainerController servers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "crash", managed = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    @Test
    void after_a_crash_the_cut_off_export_is_taken_over_and_completed_and_the_retention_timer_is_still_there()
            throws Exception {
        servers.start(SERVER);
        deployer.deploy("crash");
        List<String> timers = retentionTimers();
        assertEquals(1, timers.size(), "one retention timer: " + timers);
        assertTrue(Cli.run(Cli.SECOND_SERVER,
                RETENTION_TIMERS + "/timer=" + timers.get(0) + ":read-attribute(name=persistent)")
                .contains("\"result\" => true"));
        Api bob = Api.as("bob").on(APP);
        long id = Api.json(bob.post("exports", "{\"source\": \"contacts\", \"format\": \"xlsx\"}"))
                .getJsonNumber("id").longValue();
        bob.awaitSomeWritten(id);

        killServerProcess();
        assertEquals(1, filesOf(id).stream().filter(name -> name.endsWith(".part")).count(),
                "the crash left a partial file: " + filesOf(id));
        servers.kill(SERVER);

        servers.start(SERVER); // the deployment is still in the server's configuration
        Api again = Api.as("bob").on(APP);
        JsonObject after = again.awaitEnd(id);
        assertEquals("COMPLETED", after.getString("status"), after.toString());
        assertTrue(after.getBoolean("downloadable"));
        assertEquals(after.getJsonNumber("records").longValue(),
                after.getJsonObject("progress").getJsonNumber("written").longValue(), after.toString());
        assertEquals(List.of(id + ".xlsx"), filesOf(id), "the file, and no partial file, is left");
        JsonObject uninterrupted = again.awaitEnd(again.start("contacts", "xlsx"));
        assertEquals(uninterrupted.getString("sha256"), after.getString("sha256"),
                "the taken over export wrote the very file an uninterrupted one writes");
        assertEquals(uninterrupted.getJsonNumber("records"), after.getJsonNumber("records"));
        assertEquals(timers, retentionTimers(), "the timer came back from the timer store, not made anew");

        deployer.undeploy("crash");
        servers.stop(SERVER);
    }

    private static List<String> filesOf(long id) throws Exception {
        try (Stream<Path> files = Files.list(EXPORTS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(id + ".")).sorted()
                    .toList();
        }
    }

    /** The retention timer's ids, read through the crash server's management interface. */
    private static List<String> retentionTimers() throws Exception {
        Matcher ids = Pattern.compile("\"([0-9a-f-]{36})\"")
                .matcher(Cli.run(Cli.SECOND_SERVER, RETENTION_TIMERS + ":read-children-names(child-type=timer)"));
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        return found;
    }

    private static void killServerProcess() throws InterruptedException {
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("-Djboss.server.base.dir=" + BASE_DIR + " ")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server process with base dir " + BASE_DIR));
        server.destroyForcibly(); // SIGKILL
        server.onExit().join();
    }
}
