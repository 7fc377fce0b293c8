package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail streamed as CloudEvents to a webhook (a JDK HTTP server in this test, on the port
 * the test server was told at its start), which is down while audited changes happen — long enough
 * for the retries to grow to their longest wait and go on at it (5 s on the test server, a minute by
 * default) — then up: every record arrives, in order, none lost, and while it was down a super admin
 * saw it failing.
 */
@AsksTheDatabase
@DeployedOnce
class SiemWebhookIT {

    @Test
    void a_webhook_down_past_its_longest_backoff_then_up_gets_every_record_in_order_none_lost() throws Exception {
        assertEquals(401, Api.anonymous().get("audit/receivers").statusCode());
        assertEquals(403, Api.as("bob").get("audit/receivers").statusCode(), "super admins only");
        long before = SiemReceivers.delivered(SiemReceivers.state(SiemReceivers.WEBHOOK));

        // Down: nothing listens on the webhook's port. Audited changes go on meanwhile.
        Instant down = Instant.now();
        List<Long> policies = new ArrayList<>();
        List<JsonObject> seenWhileDown = new ArrayList<>();
        long export = Api.as("bob").start("companies", "CSV");
        Api.as("bob").awaitEnd(export);
        Duration longestWait = Duration.parse(System.getProperty("export-audit.it.siem.longest-retry"));
        Poll.untilTrue(Duration.ofMinutes(3), longestWait.dividedBy(5), () -> {
            policies.add(SiemReceivers.auditedChange("streamed while the SIEM is down " + policies.size()));
            seenWhileDown.add(SiemReceivers.state(SiemReceivers.WEBHOOK));
            return Duration.between(down, Instant.now()).compareTo(longestWait.multipliedBy(3)) > 0;
        }, () -> "three of the longest waits passed");
        JsonObject failing = seenWhileDown.get(seenWhileDown.size() - 1);
        assertTrue(failing.getBoolean("failing"), failing.toString());
        assertEquals(before, SiemReceivers.delivered(failing), "nothing delivered while down");
        assertTrue(failing.getJsonNumber("behind").longValue() >= 2L * policies.size(), failing.toString());
        assertFalse(failing.isNull("lastError"), failing.toString());
        assertFalse(failing.isNull("failingSince"), failing.toString());
        assertFalse(failing.isNull("nextAttemptAt"), failing.toString());
        assertTrue(failing.getInt("attempts") >= 3, "retried while down: " + seenWhileDown);
        assertFalse(failing.getString("lastError").contains("@"), "no credentials in what admins see");

        try (WebhookReceiver webhook = WebhookReceiver.listening(URI.create(SiemReceivers.WEBHOOK))) {
            JsonObject caughtUp = Poll.until(Duration.ofMinutes(2), Duration.ofSeconds(1), () -> {
                JsonObject state = SiemReceivers.state(SiemReceivers.WEBHOOK);
                return java.util.Optional.of(state).filter(s -> s.getJsonNumber("behind").longValue() == 0
                        && !s.getBoolean("failing") && SiemReceivers.delivered(s) >= SiemReceivers.head(failing));
            }, () -> "the webhook caught up: " + webhook.ids());

            List<Long> firstSeen = webhook.ids().stream().distinct().toList();
            List<Long> expected = LongStream.rangeClosed(SiemReceivers.nextAfter(before), SiemReceivers.delivered(caughtUp))
                    .boxed().toList();
            assertEquals(expected, firstSeen.subList(0, Math.min(firstSeen.size(), expected.size())),
                    "every record since the webhook went down, in order, none lost (duplicates allowed)");
            Map<Long, JsonObject> events = webhook.events();
            for (long policy : policies) {
                assertTrue(events.values().stream().anyMatch(event -> event.getString("type").equals(
                        "org.exportaudit.policy.created") && event.getJsonObject("data").getJsonObject("detail")
                        .getJsonNumber("policyId").longValue() == policy), "policy " + policy + " created");
            }
            JsonObject requested = events.values().stream()
                    .filter(event -> event.getString("type").equals("org.exportaudit.export.requested")
                            && event.getString("subject", "").equals(Long.toString(export)))
                    .findFirst().orElseThrow(() -> new AssertionError("export " + export + " requested: " + events));
            assertEquals("1.0", requested.getString("specversion"));
            assertEquals(DemoRealm.APP.toString().replaceAll("/$", ""), requested.getString("source"));
            assertEquals("application/json", requested.getString("datacontenttype"));
            JsonObject data = requested.getJsonObject("data");
            assertEquals(requested.getString("id"), Long.toString(data.getJsonNumber("seq").longValue()));
            assertEquals("EXPORT_REQUESTED", data.getString("kind"));
            assertEquals("bob", data.getString("user"));
            assertEquals(export, data.getJsonNumber("exportId").longValue());
            assertEquals("companies", data.getJsonObject("detail").getString("source"));
            assertEquals(requested.getString("time"), data.getString("at"));
            assertTrue(data.getString("hash").matches("[0-9a-f]{64}"), data.toString());
            assertEquals(List.of("application/cloudevents+json; charset=UTF-8"), webhook.contentTypes());
        }
    }
}
