package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A setting the application does not accept stops its deployment, and the server's log names the
 * property and what it accepts: set as an operator would set it, with the CLI, on the test server
 * (and removed again, for the tests after this one). Before, {@code export-audit.mail.attempts=many} deployed and mailed with 8 attempts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsIT {

    private static final String DEPLOYMENT = "bad-setting";
    private static final String ATTEMPTS = "export-audit.mail.attempts";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    @Test
    void a_value_it_does_not_accept_stops_the_deployment_naming_the_property() throws Exception {
        Path log = Path.of(System.getProperty("export-audit.it.server"), "log", "server.log");
        long mark = Files.size(log);
        Cli.run(Cli.TEST_SERVER, "/system-property=" + ATTEMPTS + ":add(value=many)");
        try {
            assertThrows(Exception.class, () -> deployer.deploy(DEPLOYMENT), "deployed with " + ATTEMPTS + "=many");
        } finally {
            Cli.run(Cli.TEST_SERVER, "/system-property=" + ATTEMPTS + ":remove");
        }
        Poll.untilTrue(Duration.ofSeconds(10), Duration.ofMillis(100), () -> since(log, mark)
                .contains(ATTEMPTS + " must be a whole number from 1, not 'many'"),
                () -> "the refusal naming " + ATTEMPTS + " in " + log);
    }

    private static String since(Path log, long mark) throws Exception {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(mark, all.length);
        return new String(all, from, all.length - from, StandardCharsets.ISO_8859_1);
    }
}
