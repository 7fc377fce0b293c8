package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API as scripts see it, with real tokens from the demo realm's Keycloak. */
@DeployedOnce
class ApiSecurityIT {

    @Test
    void me_names_an_exporter_and_their_role() throws Exception {
        HttpResponse<String> me = Api.as("bob").get("me");

        assertEquals(200, me.statusCode(), me.body());
        JsonObject body = Api.json(me);
        assertEquals("bob", body.getString("username"));
        assertEquals(List.of("export"), roles(body));
    }

    @Test
    void me_names_a_super_admin_with_the_export_role_it_includes() throws Exception {
        JsonObject body = Api.json(Api.as("alice").get("me"));

        assertEquals("alice", body.getString("username"));
        assertEquals(List.of("super-admin", "export"), roles(body));
    }

    @Test
    void a_user_without_a_role_is_known_but_refused_the_features() throws Exception {
        Api carl = Api.as("carl");

        JsonObject me = Api.json(carl.get("me"));
        assertEquals("carl", me.getString("username"));
        assertEquals(List.of(), roles(me));

        HttpResponse<String> threshold = carl.get("settings/large-export-threshold");
        assertEquals(403, threshold.statusCode());
        assertEquals("forbidden", Api.json(threshold).getString("error"));
    }

    @Test
    void an_anonymous_call_gets_401_not_a_login_page() throws Exception {
        HttpResponse<String> me = Api.anonymous().get("me");

        assertEquals(401, me.statusCode());
        assertTrue(me.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals("unauthenticated", Api.json(me).getString("error"));
    }

    @Test
    void a_forged_token_is_not_accepted() throws Exception {
        String token = DemoRealm.accessToken("bob");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        var request = java.net.http.HttpRequest.newBuilder(DemoRealm.APP.resolve("api/v1/me"))
                .header("Authorization", "Bearer " + forged).build();

        int status = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString()).statusCode();

        assertEquals(401, status);
    }

    @Test
    void an_exporter_may_not_touch_the_super_admins_threshold() throws Exception {
        HttpResponse<String> refused = Api.as("bob").put("settings/large-export-threshold", "{\"threshold\": 10}");

        assertEquals(403, refused.statusCode());
    }

    @Test
    void each_super_admin_keeps_a_threshold_of_their_own() throws Exception {
        Api alice = Api.as("alice");
        Api sam = Api.as("sam");
        sam.put("settings/large-export-threshold", "{\"threshold\": null}");

        HttpResponse<String> saved = alice.put("settings/large-export-threshold", "{\"threshold\": 5000}");

        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(5000, Api.json(alice.get("settings/large-export-threshold")).getInt("threshold"));
        assertTrue(Api.json(sam.get("settings/large-export-threshold")).isNull("threshold"));
    }

    @Test
    void an_invalid_threshold_is_refused_with_a_message_and_changes_nothing() throws Exception {
        Api alice = Api.as("alice");
        alice.put("settings/large-export-threshold", "{\"threshold\": \"2500\"}");

        String absurdlyLong = "\"" + "9".repeat(100_000) + "\"";
        for (String invalid : List.of("275001", "0", "-1", "\"12.5\"", "\"lots\"", "1e3", "true", absurdlyLong)) {
            HttpResponse<String> refused = alice.put("settings/large-export-threshold",
                    "{\"threshold\": " + invalid + "}");
            assertEquals(400, refused.statusCode(), invalid.length() > 20 ? "a 100,000-digit number" : invalid);
            assertTrue(Api.json(refused).getString("message").contains("1 to 275,000"), refused.body());
        }
        HttpResponse<String> malformed = alice.put("settings/large-export-threshold", "{\"threshold\":");
        assertEquals(400, malformed.statusCode(), malformed.body());

        assertEquals(2500, Api.json(alice.get("settings/large-export-threshold")).getInt("threshold"));
    }

    @Test
    void an_empty_threshold_turns_notifications_off() throws Exception {
        Api alice = Api.as("alice");
        alice.put("settings/large-export-threshold", "{\"threshold\": 100}");

        HttpResponse<String> off = alice.put("settings/large-export-threshold", "{\"threshold\": \"\"}");

        assertEquals(200, off.statusCode());
        assertTrue(Api.json(alice.get("settings/large-export-threshold")).isNull("threshold"));
    }

    private static List<String> roles(JsonObject me) {
        return me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
