package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs one management command as an operator would, with the server's CLI (local authentication). */
final class Cli {

    /**
     * The management port of the main test server (9990, or where the phase moved it: ear/pom.xml), and
     * of the second one (offset 200, arquillian.xml).
     */
    static final int TEST_SERVER = Integer.getInteger("export-audit.it.management-port", 9990);
    static final int SECOND_SERVER = 10190;

    private Cli() {
    }

    static String run(int managementPort, String command) throws Exception {
        Process cli = new ProcessBuilder(Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh").toString(),
                "--connect", "--controller=127.0.0.1:" + managementPort, "--command=" + command)
                .redirectErrorStream(true)
                .start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cli.waitFor(), command + ": " + output);
        return output;
    }
}
