package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI scripts of server-config/cli, as an operator applies them, on a copy of the server's
 * pristine configuration: without the properties they need they refuse, name the property and change
 * nothing; the provisioned configuration holds no demo value to fall back to.
 */
class ServerConfigurationIT {

    private static final Path WILDFLY = Path.of(System.getProperty("jboss.home"));
    private static final Path SCRIPTS = Path.of("..", "server-config", "cli");

    /** Each script's required properties, in the order it checks them, with a value for each. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "datasources", List.of("export-audit.db.user", "export-audit.db.password"),
            "oidc", List.of("export-audit.oidc.provider-url", "export-audit.oidc.secret"),
            "mail", List.of("export-audit.smtp.host", "export-audit.smtp.port", "export-audit.mail.from"));

    @TempDir
    Path server;

    @Test
    void a_script_without_its_properties_refuses_naming_the_first_missing_one_and_changes_nothing()
            throws Exception {
        byte[] before = Files.readAllBytes(WILDFLY.resolve("standalone/configuration/standalone.xml"));

        // Each run on a copy of its own, two at a time (each is a JVM that boots an embedded server)
        ExecutorService cores = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<CliRun>> runs = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> script : REQUIRED.entrySet()) {
                List<String> properties = script.getValue();
                for (int given = 0; given < properties.size(); given++) {
                    Path server = Files.createDirectories(this.server.resolve(script.getKey() + "-" + given));
                    List<String> set = properties.subList(0, given);
                    runs.put(script.getKey() + " " + given, cores.submit(() -> apply(server, List.of(script.getKey()), set)));
                }
            }
            for (Map.Entry<String, List<String>> script : REQUIRED.entrySet()) {
                List<String> properties = script.getValue();
                for (int given = 0; given < properties.size(); given++) {
                    CliRun run = runs.get(script.getKey() + " " + given).get();

                    assertNotEquals(0, run.exit, script.getKey() + " ran with only " + properties.subList(0, given)
                            + ": " + run.output);
                    assertTrue(run.output.contains("${" + properties.get(given)), script.getKey()
                            + " names the missing " + properties.get(given) + ": " + run.output);
                    assertArrayEquals(before, Files.readAllBytes(run.configuration),
                            script.getKey() + " left the configuration half-changed: " + run.output);
                }
            }
        } finally {
            cores.shutdownNow();
        }
    }

    @Test
    void with_its_properties_each_script_runs_and_writes_expressions_not_values() throws Exception {
        List<String> all = REQUIRED.values().stream().flatMap(List::stream).toList();
        CliRun run = apply(server, List.of("datasources", "batch", "timers", "mail", "oidc", "ejb-api"), all);
        assertEquals(0, run.exit, run.output);

        String written = Files.readString(run.configuration);
        assertTrue(written.contains("${export-audit.oidc.secret}"), written);
        assertFalse(written.contains("the-value-of-"), "values stay out of the file");
    }

    @Test
    void the_provisioned_configuration_has_no_demo_value_to_fall_back_to() throws IOException {
        String provisioned = Files.readString(WILDFLY.resolve("standalone/configuration/export-audit.xml"));

        Set<String> withDefaults = new TreeSet<>();
        Matcher fallback = Pattern.compile("\\$\\{(export-audit\\.[a-z.-]+):").matcher(provisioned);
        while (fallback.find()) {
            withDefaults.add(fallback.group(1));
        }
        // the embedded H2 as the database unless one is named, pool sizes, the product's client id, TLS off
        assertEquals(new TreeSet<>(Set.of("export-audit.db.driver", "export-audit.db.url", "export-audit.db.max-pool-size",
                "export-audit.sources.max-pool-size", "export-audit.oidc.client-id", "export-audit.smtp.tls")),
                withDefaults, "only these properties may fall back to a default");
        assertFalse(provisioned.contains("export-audit-demo-secret"), "the demo realm's secret");
        assertFalse(provisioned.contains("EXPORT_AUDIT_DB_PASSWORD:"), "a fallback for the password");
    }

    private static Path copyOfPristineConfiguration(Path server) throws IOException {
        Path configuration = server.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(WILDFLY.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()));
            }
        }
        return configuration.resolve("standalone.xml");
    }

    private record CliRun(int exit, String output, Path configuration) {
    }

    /**
     * Applies the scripts, offline, to a copy of the pristine configuration in {@code server}, with the
     * given properties set (to stand-in values).
     */
    private static CliRun apply(Path server, List<String> scripts, List<String> properties) throws Exception {
        Path configuration = copyOfPristineConfiguration(server);
        Path file = server.resolve("apply.cli");
        StringBuilder commands = new StringBuilder("embed-server --server-config=standalone.xml --std-out=discard\n");
        for (String script : scripts) {
            commands.append(Files.readString(SCRIPTS.resolve(script + ".cli"))).append('\n');
        }
        Files.writeString(file, commands.append("stop-embedded-server\n"));
        List<String> command = new ArrayList<>(List.of(WILDFLY.resolve("bin/jboss-cli.sh").toString(),
                "-Djboss.server.base.dir=" + server));
        properties.forEach(property -> command.add("-D" + property + "=the-value-of-" + property));
        command.add("--file=" + file);
        ProcessBuilder cli = new ProcessBuilder(command).redirectErrorStream(true);
        // WildFly also reads a property from the environment (export-audit.db.password: EXPORT_AUDIT_DB_PASSWORD)
        cli.environment().keySet().removeIf(name -> name.startsWith("EXPORT_AUDIT_"));
        cli.environment().put("JAVA_OPTS", "-Xmx256m");
        Process run = cli.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(run.waitFor(), output, configuration);
    }
}
