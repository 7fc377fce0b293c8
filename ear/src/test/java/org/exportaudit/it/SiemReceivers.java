package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SIEM receivers the test server streams to (ear/pom.xml, arquillian.xml), and their delivery
 * state as a super admin reads it from GET /audit/receivers.
 */
final class SiemReceivers {

    static final String WEBHOOK = List.of(System.getProperty("export-audit.it.siem.webhooks",
            "http://127.0.0.1:18091/cloudevents").split(",")).get(0);
    static final List<String> COLLECTORS = List.of(System.getProperty("export-audit.it.siem.syslog",
            "tcp://127.0.0.1:18514,tcp://127.0.0.1:18515").split(","));

    private SiemReceivers() {
    }

    /** The receiver's state, as alice (a super admin) reads it; fails if it is not listed. */
    static JsonObject state(String name) throws Exception {
        HttpResponse<String> answer = Api.as("alice").get("audit/receivers");
        assertEquals(200, answer.statusCode(), answer.body());
        return Api.json(answer).getJsonArray("receivers").getValuesAs(JsonObject.class).stream()
                .filter(receiver -> receiver.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among the receivers: " + answer.body()));
    }

    /** The seq of the newest record, as the receiver's state tells it. */
    static long head(JsonObject state) {
        return state.getJsonNumber("deliveredSeq").longValue() + state.getJsonNumber("behind").longValue();
    }

    static long delivered(JsonObject state) {
        return state.getJsonNumber("deliveredSeq").longValue();
    }

    /**
     * The seq of the first record a receiver that has had everything through {@code delivered} gets
     * next: the one after it, unless the audit retention has deleted it since (AuditChainIT's retention
     * deletes the trail's start on this shared server). The retention's newest checkpoint record, which
     * is streamed too, names the last record it deleted.
     */
    static long nextAfter(long delivered) throws Exception {
        HttpResponse<String> checkpoints = Api.as("alice").get("audit?kind=AUDIT_CHECKPOINT&limit=1");
        assertEquals(200, checkpoints.statusCode(), checkpoints.body());
        long deletedThrough = Api.json(checkpoints).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(checkpoint -> checkpoint.getJsonObject("detail").getJsonNumber("deletedThrough").longValue())
                .findFirst().orElse(0L);
        return Math.max(delivered, deletedThrough) + 1;
    }

    /**
     * Two audited changes: a policy created and removed (POLICY_CREATED, POLICY_REMOVED); answers the
     * policy's id once both records are in the chain (they are chained right after their commit).
     */
    static long auditedChange(String message) throws Exception {
        long before = head(state(WEBHOOK));
        Api alice = Api.as("alice");
        HttpResponse<String> created = alice.post("policies", "{\"action\": \"notify\", \"limit\": 9999999,"
                + " \"source\": \"contacts\", \"window\": \"PT1H\", \"message\": \"" + message + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = Api.json(created).getJsonNumber("id").longValue();
        assertEquals(204, alice.delete("policies/" + id).statusCode());
        Poll.untilTrue(Duration.ofSeconds(30), Duration.ofMillis(100), () -> head(state(WEBHOOK)) >= before + 2,
                () -> "policy " + id + "'s records chained");
        return id;
    }

    static int port(String address) {
        return java.net.URI.create(address).getPort();
    }

    static Stream<String> names() {
        return Stream.concat(Stream.of(WEBHOOK), COLLECTORS.stream());
    }
}
