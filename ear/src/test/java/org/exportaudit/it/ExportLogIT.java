package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export log through the API: newest first, filters, and pages that follow a cursor. */
@AsksTheDatabase
@DeployedOnce
class ExportLogIT {

    @Test
    void pages_follow_the_cursor_newest_first_without_gaps_or_repeats() throws Exception {
        Api erin = Api.as("erin");
        for (int i = 0; i < 7; i++) {
            erin.start("deals", i % 2 == 0 ? "CSV" : "XLSX");
        }
        List<JsonObject> everything = items(erin.get("exports?limit=200"));

        List<JsonObject> paged = new ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> page = erin.get("exports?limit=3" + (next == null ? "" : "&cursor=" + next));
            assertEquals(200, page.statusCode(), page.body());
            List<JsonObject> items = items(page);
            assertTrue(items.size() <= 3);
            paged.addAll(items);
            next = Api.json(page).isNull("next") ? null : Api.json(page).getString("next");
        } while (next != null);

        assertEquals(ids(everything), ids(paged), "the pages together are the whole log, in order");
        assertEquals(paged.size(), new HashSet<>(ids(paged)).size(), "no export twice");
        for (int i = 1; i < paged.size(); i++) {
            assertFalse(Instant.parse(paged.get(i).getString("date"))
                    .isAfter(Instant.parse(paged.get(i - 1).getString("date"))), "newest first");
        }
        assertTrue(paged.size() >= 7);
    }

    @Test
    void an_item_has_the_columns_of_the_log() throws Exception {
        Api bob = Api.as("bob");
        long id = bob.start("companies", "CSV");
        bob.awaitEnd(id);

        JsonObject item = items(bob.get("exports?limit=200")).stream()
                .filter(export -> export.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();

        assertEquals("companies", item.getString("source"));
        assertEquals("CSV", item.getString("format"));
        assertEquals("bob", item.getString("user"));
        assertEquals("COMPLETED", item.getString("status"));
        assertTrue(item.getString("name").startsWith("companies-"));
        assertTrue(item.getJsonNumber("records").longValue() > 0);
        assertEquals(item.getJsonNumber("records"), item.getJsonObject("progress").getJsonNumber("written"));
        assertNotNull(Instant.parse(item.getString("date")));
        assertTrue(item.getBoolean("downloadable"));
    }

    @Test
    void dates_and_characters_no_database_holds_are_a_400_naming_the_range() throws Exception {
        Api alice = Api.as("alice");
        List<String> wrong = new ArrayList<>();
        for (String refusal : new String[] {"to=9999-12-31", "from=-1000000000-01-01T00:00:00Z", "from=0000-12-31",
            "to=%2B10000-01-01T00:00:00Z", "source=%00", "user=bob%00", "status=FAILED%00"}) {
            for (String path : List.of("exports?" + refusal, "exports/csv?" + refusal)) {
                HttpResponse<String> refused = alice.get(path);
                String body = refused.body();
                if (refused.statusCode() != 400 || !body.contains("\"invalid-filter\"")
                        || !(body.contains("0001-01-01") && body.contains("9999-12-30") || body.contains("U+0000"))) {
                    wrong.add(path + " → " + refused.statusCode() + " " + body);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(200, alice.get("exports?from=0001-01-01&to=9999-12-30").statusCode(), "the range's own ends are taken");
        assertEquals(200, alice.get("exports/csv?from=0001-01-01&to=9999-12-30").statusCode());
    }

    @Test
    void filters_narrow_the_log() throws Exception {
        Api alice = Api.as("alice");
        long deals = Api.as("bob").start("deals", "CSV");
        Api.as("bob").awaitEnd(deals);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        List<JsonObject> bobsDeals = items(alice.get("exports?limit=200&user=bob&source=deals&status=completed"
                + "&from=" + today + "&to=" + today));

        assertTrue(ids(bobsDeals).contains(deals));
        assertTrue(bobsDeals.stream().allMatch(export -> export.getString("user").equals("bob")
                && export.getString("source").equals("deals") && export.getString("status").equals("COMPLETED")));
        assertEquals(List.of(), items(alice.get("exports?from=" + tomorrow)), "nothing was asked for tomorrow");
        assertEquals(List.of(), items(alice.get("exports?status=FAILED&user=nobody")));
        String instant = URLEncoder.encode(Instant.now().minusSeconds(3600).toString(), StandardCharsets.UTF_8);
        assertTrue(ids(items(alice.get("exports?limit=200&from=" + instant))).contains(deals));
    }

    @Test
    void malformed_log_queries_get_a_clear_400() throws Exception {
        Api alice = Api.as("alice");

        for (String query : List.of("status=DONE", "limit=0", "limit=201", "limit=ten", "cursor=not-a-cursor",
                "from=yesterday", "to=2026-13-01", "from=2026-11-25&to=2026-11-20")) {
            HttpResponse<String> refused = alice.get("exports?" + query);
            assertEquals(400, refused.statusCode(), query + ": " + refused.body());
            assertFalse(Api.json(refused).getString("message").isBlank());
        }
    }

    private static List<JsonObject> items(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return Api.json(page).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<Long> ids(List<JsonObject> items) {
        return items.stream().map(item -> item.getJsonNumber("id").longValue()).toList();
    }
}
