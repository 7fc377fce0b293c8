package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * server of its own, then started again: the export must not stay PROCESSING, and no partial
 * file may be left.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashRecoveryIT {

    private static final String SERVER = "crash-server";
    private static final URI APP = URI.create("http://127.0.0.1:8280/export-audit/");
    private static final Path BASE_DIR = Path.of(System.getProperty("export-audit.it.server") + "-crash");
    private static final Path EXPORTS = BASE_DIR.resolve("data/export-audit/exports");

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
    void an_export_cut_off_by_a_crash_is_failed_after_restart_and_leaves_no_file() throws Exception {
        servers.start(SERVER);
        deployer.deploy("crash");
        Api bob = Api.as("bob").on(APP);
        long id = Api.json(bob.post("exports", "{\"source\": \"contacts\", \"format\": \"xlsx\"}"))
                .getJsonNumber("id").longValue();
        bob.awaitSomeWritten(id);

        killServerProcess();
        assertTrue(Files.exists(EXPORTS.resolve(id + ".part")), "the crash left a partial file");
        servers.kill(SERVER);

        servers.start(SERVER); // the deployment is still in the server's configuration
        JsonObject after = Api.as("bob").on(APP).awaitEnd(id);
        assertEquals("FAILED", after.getString("status"), after.toString());
        assertTrue(after.getString("failure").startsWith("Interrupted"), after.getString("failure"));
        assertFalse(after.getBoolean("downloadable"));
        try (Stream<Path> left = Files.list(EXPORTS)) {
            assertEquals(0, left.filter(file -> file.getFileName().toString().startsWith(id + ".")).count(),
                    "no file of the interrupted export is left");
        }

        deployer.undeploy("crash");
        servers.stop(SERVER);
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
