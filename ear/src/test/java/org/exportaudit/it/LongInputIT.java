package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Input longer than the columns it would reach: refused with a 400 and a message where it decides
 * something (filters, file names), cut to fit where it is only recorded (a download's user agent),
 * and never a 500.
 */
@AsksTheDatabase
@DeployedOnce
class LongInputIT {

    private static final String LONG = "x".repeat(4_001);

    @Test
    void a_filter_value_over_4000_characters_is_refused_and_starts_nothing() throws Exception {
        Api bob = Api.as("bob");
        bob.awaitEnd(bob.start("deals", "csv"));
        long newest = newestExportId(bob);
        String body = Json.createObjectBuilder().add("source", "contacts").add("format", "csv")
                .add("filters", Json.createObjectBuilder().add("last_name", LONG)).build().toString();

        HttpResponse<String> refused = bob.post("exports", body);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("filters-too-long", Api.json(refused).getString("error"));
        assertTrue(Api.json(refused).getString("message").contains("at most 4000 characters"), refused.body());
        assertEquals(newest, newestExportId(bob), "no export was created");
    }

    @Test
    void filters_full_of_characters_that_json_escapes_fit_the_audit_too() throws Exception {
        Api bob = Api.as("bob");
        // 1,980 quotes and backslashes: 3,976 characters as the export keeps them; escaped again
        // they would not fit the audit record's 8,000.
        String body = Json.createObjectBuilder().add("source", "contacts").add("format", "csv")
                .add("filters", Json.createObjectBuilder().add("last_name", "\"\\".repeat(990))).build().toString();

        HttpResponse<String> accepted = bob.post("exports", body);

        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("COMPLETED", bob.awaitEnd(Api.json(accepted).getJsonNumber("id").longValue()).getString("status"));
    }

    @Test
    void an_over_long_log_filter_is_a_400_with_a_message() throws Exception {
        Api alice = Api.as("alice");
        for (String filter : new String[] {"user", "source", "status"}) {
            HttpResponse<String> refused = alice.get("exports?" + filter + "=" + URLEncoder.encode(LONG, StandardCharsets.UTF_8));

            assertEquals(400, refused.statusCode(), filter + ": " + refused.body());
            assertEquals("filter-too-long", Api.json(refused).getString("error"), refused.body());
            assertTrue(Api.json(refused).getString("message").contains("'" + filter + "' may have at most"),
                    refused.body());
        }
        assertEquals(200, alice.get("exports?user=" + "x".repeat(255)).statusCode(), "as long as the column: fine");
    }

    @Test
    void a_file_name_too_long_is_refused_and_starts_nothing() throws Exception {
        Api bob = Api.as("bob");
        bob.awaitEnd(bob.start("deals", "csv"));
        long newest = newestExportId(bob);

        for (String name : new String[] {"x".repeat(121), "x".repeat(300), LONG}) {
            HttpResponse<String> refused = bob.post("exports",
                    "{\"source\": \"deals\", \"format\": \"csv\", \"fileName\": \"" + name + "\"}");

            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("invalid-file-name", Api.json(refused).getString("error"));
            assertTrue(Api.json(refused).getString("message").contains("at most 120 characters"), refused.body());
        }
        assertEquals(newest, newestExportId(bob), "no export was created");
    }

    @Test
    void an_8_kb_user_agent_downloads_the_file_and_is_recorded_cut_to_fit() throws Exception {
        Api bob = Api.as("bob");
        long id = bob.start("deals", "csv");
        bob.awaitEnd(id);
        byte[] expected = bob.download(id).body();
        String agent = "Mozilla/5.0 (hostile) " + "A".repeat(8 * 1024);

        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(DemoRealm.APP.resolve("api/v1/exports/" + id + "/file"))
                .header("Authorization", "Bearer " + bob.token())
                .header("User-Agent", agent)
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
        assertArrayEquals(expected, file.body(), "the file, intact");
        JsonObject latest = DemoRealm.jsonArray(Api.as("alice").get("exports/" + id + "/downloads").body())
                .getJsonObject(0);
        assertEquals(agent.substring(0, 1000), latest.getString("userAgent"));
    }

    private static long newestExportId(Api caller) throws Exception {
        return Api.json(caller.get("exports?limit=1")).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }
}
