package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A notice whose mail could not be sent (no SMTP server) survives a restart of the server in the
 * outbox, and is mailed once the SMTP server is there — exactly once. On the second test server
 * (offset 200), restarted for real. That server runs with the demo's history
 * ({@code -Dexport-audit.demo-history=true}, arquillian.xml) as bin/demo does, so the first test also
 * checks what a newcomer meets there: 60 days of exports whose audit chain verifies. The suite's
 * other servers have none: their tests count their own exports and audit records.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoticeAcrossRestartIT {

    private static final String SERVER = "crash-server";
    private static final URI APP = URI.create("http://127.0.0.1:8280/export-audit/");

    @ArquillianResource
    ContainerController servers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "restart", managed = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    /**
     * Whichever test started the server first wrote the history (once: the database then holds
     * exports); the other tests on this server add exports of their own, none like these.
     */
    @Test
    @Order(1)
    void the_server_starts_with_the_demo_history_whose_audit_chain_verifies() throws Exception {
        servers.start(SERVER);
        deployer.deploy("restart");
        Api alice = Api.as("alice").on(APP);
        JsonObject verdict = Poll.until(Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            JsonObject answer = Api.json(alice.get("audit/verify"));
            return answer.getJsonNumber("checked").longValue() >= 200 ? Optional.of(answer) : Optional.empty();
        }, () -> "the history's audit records chained");
        assertTrue(verdict.getBoolean("valid"), verdict.toString());

        List<JsonObject> log = new ArrayList<>();
        String cursor = "";
        do {
            JsonObject page = Api.json(alice.get("exports?limit=200" + cursor));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(log::add);
            cursor = page.isNull("next") ? null : "&cursor=" + page.getString("next");
        } while (cursor != null);
        // The history ends with erin's export awaiting approval, three hours before the first start;
        // what the other tests on this server export comes after it.
        JsonObject awaiting = log.stream().filter(export -> "AWAITING_APPROVAL".equals(export.getString("status")))
                .reduce((newer, older) -> older).orElseThrow(() -> new AssertionError("none awaits approval"));
        assertEquals("erin", awaiting.getString("user"), awaiting.toString());
        assertEquals("deals", awaiting.getString("source"), awaiting.toString());
        Instant end = Instant.parse(awaiting.getString("date"));
        List<JsonObject> history = log.stream().filter(export -> !Instant.parse(export.getString("date")).isAfter(end))
                .toList();
        assertTrue(history.size() >= 60, history.size() + " exports in the history");
        assertEquals(Set.of("bob", "erin", "alice", "sam", "stina"),
                history.stream().map(export -> export.getString("user")).collect(Collectors.toSet()));
        assertEquals(Set.of("contacts", "companies", "deals"),
                history.stream().map(export -> export.getString("source")).collect(Collectors.toSet()));
        assertTrue(Instant.parse(history.get(history.size() - 1).getString("date"))
                .isBefore(end.minus(Duration.ofDays(55))), "some 60 days of it");
        assertEquals(1, count(history, "CANCELLED"));
        assertEquals(1, count(history, "FAILED"));
        assertEquals(1, count(history, "DENIED"));
        assertEquals(1, count(history, "AWAITING_APPROVAL"));

        JsonObject dashboard = Api.json(alice.get("dashboard?days=90"));
        assertEquals(10_000, dashboard.getInt("threshold"), "alice's threshold, as the history set it");
        assertTrue(dashboard.getJsonObject("counts").getInt("large") >= 3, dashboard.toString());
        assertTrue(history.stream().filter(export -> "COMPLETED".equals(export.getString("status")))
                .anyMatch(export -> export.getJsonNumber("records").longValue() > 10_000), "completed above her threshold");

        List<JsonObject> downloadable = history.stream().filter(export -> export.getBoolean("downloadable")).toList();
        assertTrue(downloadable.size() >= 10, downloadable.size() + " files still within their window");
        JsonObject recent = downloadable.get(0);
        HttpResponse<byte[]> file = alice.download(recent.getJsonNumber("id").longValue());
        assertEquals(200, file.statusCode());
        assertEquals(recent.getString("sha256"), HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file.body())), "a real file, as its export recorded it");

        Set<String> addresses = new HashSet<>();
        for (JsonObject export : downloadable.subList(1, downloadable.size())) {
            try (JsonReader downloads = Json.createReader(new StringReader(
                    alice.get("exports/" + export.getJsonNumber("id") + "/downloads").body()))) {
                downloads.readArray().getValuesAs(JsonObject.class).forEach(download -> addresses.add(download.getString("ip")));
            }
        }
        assertTrue(addresses.size() >= 3, "downloads from several addresses: " + addresses);
    }

    private static long count(List<JsonObject> exports, String status) {
        return exports.stream().filter(export -> status.equals(export.getString("status"))).count();
    }

    @Test
    @Order(2)
    void a_notice_pending_while_smtp_is_down_is_mailed_after_a_restart_exactly_once() throws Exception {
        Api alice = Api.as("alice").on(APP);
        Api bob = Api.as("bob").on(APP);
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        String name = "restart-notice-" + System.nanoTime();
        HttpResponse<String> accepted = bob.post("exports",
                "{\"source\": \"companies\", \"format\": \"CSV\", \"fileName\": \"" + name + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        long id = Api.json(accepted).getJsonNumber("id").longValue();
        bob.awaitEnd(id);
        NoticeMails.await(alice, id, "PENDING", 1, Duration.ofSeconds(20)); // the first attempt met no SMTP server

        servers.stop(SERVER);
        try (MailSink smtp = MailSink.started()) {
            servers.start(SERVER);
            smtp.await(name, "alice@example.com", 60);
            // The outbox's timer is not persistent: the outbox table is what brought the mail back.
            NoticeMails.await(Api.as("alice").on(APP), id, "SENT", 2, Duration.ofSeconds(20));

            assertEquals(1, smtp.about(name, "alice@example.com").size(), "not lost, not repeated");
        } finally {
            deployer.undeploy("restart");
            servers.stop(SERVER);
        }
    }
}
