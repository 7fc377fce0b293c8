package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exportaudit.audit.entity.TrailDownloaded;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail's REST endpoints as a super admin's script reads them: every filter selects exactly
 * its records, paging by the cursor returns each record once, newest first; bad input is a 400 that
 * says why; the chain verifies; the CSV download is formula-safe and is itself in the trail. The
 * calls go over HTTP with real tokens; the test runs inside the server to append a record under a
 * user name that starts like a formula, which no realm user has, and to read the trail once every
 * record of what it did has joined the chain (Trail).
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class AuditTrailApiIT {

    private static final String FORMULA_USER = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Inject
    UserTransaction transaction;

    @Inject
    Event<TrailDownloaded> downloads;

    private Api alice;
    private Api bob;
    private Instant began;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(AuditTrailApiIT.class, Api.class, DemoRealm.class, Trail.class, Csv.class);
    }

    @BeforeEach
    void callers() throws Exception {
        alice = Api.as("alice");
        bob = Api.as("bob");
        began = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void each_filter_selects_exactly_its_records_newest_first() throws Exception {
        String name = "trail-of-bob-" + System.nanoTime();
        long bobs = start(bob, name);
        long alices = alice.start("companies", "CSV");
        bob.awaitEnd(bobs);
        alice.awaitEnd(alices);
        assertEquals(200, bob.download(bobs).statusCode());
        Instant after = Instant.now().plusMillis(1);

        List<JsonObject> ofBobs = items("export=" + bobs);
        assertEquals(List.of("FILE_DOWNLOADED", "EXPORT_COMPLETED", "EXPORT_REQUESTED"),
                ofBobs.stream().map(record -> record.getString("kind")).toList(), ofBobs.toString());
        assertTrue(ofBobs.stream().allMatch(record -> record.getJsonNumber("exportId").longValue() == bobs));
        assertEquals(List.of("bob", "system", "bob"), ofBobs.stream().map(record -> record.getString("user")).toList());
        JsonObject requested = ofBobs.get(2);
        assertEquals(name + ".csv", requested.getJsonObject("detail").getString("fileName"), "the detail is an object");
        assertTrue(requested.getString("hash").matches("[0-9a-f]{64}"), requested.toString());
        assertFalse(Instant.parse(requested.getString("at")).isBefore(began));
        assertDescending(ofBobs);

        String since = "&from=" + began + "&to=" + after;
        List<JsonObject> requests = items("kind=export_requested" + since);
        assertTrue(requests.stream().allMatch(record -> record.getString("kind").equals("EXPORT_REQUESTED")));
        assertEquals(Set.of(bobs, alices), exportIds(requests));

        List<JsonObject> ofBob = items("user=bob" + since);
        assertTrue(ofBob.stream().allMatch(record -> record.getString("user").equals("bob")), ofBob.toString());
        assertEquals(Set.of(bobs), exportIds(ofBob), "bob's request and download, nothing of alice's");
        assertEquals(2, ofBob.size(), ofBob.toString());

        List<JsonObject> inRange = items("from=" + began + "&to=" + after + "&limit=500");
        assertTrue(inRange.stream().map(record -> Instant.parse(record.getString("at")))
                .allMatch(at -> !at.isBefore(began) && at.isBefore(after)), "from inclusive, to exclusive");
        assertTrue(exportIds(inRange).containsAll(Set.of(bobs, alices)));
        assertTrue(exportIds(items("to=" + began + "&kind=EXPORT_REQUESTED&limit=500")).stream()
                .noneMatch(id -> id == bobs || id == alices), "nothing from before the test began");
        assertEquals(Set.of(bobs), exportIds(items("export=" + bobs + "&user=bob&kind=FILE_DOWNLOADED")),
                "filters combine");
    }

    @Test
    void paging_by_the_cursor_returns_every_record_once_newest_first() throws Exception {
        for (int i = 0; i < 7; i++) {
            assertEquals(201, alice.post("audit/anchors", "").statusCode());
        }
        String filters = "from=" + began + "&to=" + Instant.now().plusMillis(1);
        List<JsonObject> whole = items(filters + "&limit=500");
        assertTrue(whole.size() >= 7, whole.toString());

        List<JsonObject> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = page(filters + "&limit=3" + (next == null ? "" : "&cursor=" + next));
            List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            assertTrue(items.size() <= 3);
            paged.addAll(items);
            next = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (next != null && pages < 100);

        assertEquals(whole, paged, "the same records, each once, in the same order");
        assertDescending(paged);
        assertEquals(paged.size(), new HashSet<>(paged.stream().map(record -> record.getJsonNumber("seq")).toList()).size());
        assertTrue(pages >= 3, "over several pages: " + pages);

        JsonObject newest = page("limit=1");
        assertEquals(1, newest.getJsonArray("items").size());
        assertFalse(newest.isNull("next"), "a trail of several records has an older page");
        int all = items("limit=500").size();
        assertEquals(Math.min(50, all), page("").getJsonArray("items").size(), "50 records unless asked for more");
    }

    @Test
    void bad_input_is_refused_with_a_400_that_says_why_and_nothing_is_downloaded() throws Exception {
        List<String[]> refusals = List.of(
                new String[] {"kind=EXPORT_EXPLODED", "invalid-kind"},
                new String[] {"from=yesterday", "invalid-date"},
                new String[] {"to=2026-13-01", "invalid-date"},
                new String[] {"from=2026-11-30T10:00:00", "invalid-date"},
                new String[] {"from=2026-11-30&to=2026-11-29", "invalid-date-range"},
                new String[] {"from=2026-11-30T10:00:00Z&to=2026-11-30T10:00:00Z", "invalid-date-range"},
                new String[] {"export=abc", "invalid-export"},
                new String[] {"export=0", "invalid-export"},
                new String[] {"export=-3", "invalid-export"},
                new String[] {"user=" + "x".repeat(256), "filter-too-long"},
                new String[] {"limit=0", "invalid-limit"},
                new String[] {"limit=501", "invalid-limit"},
                new String[] {"limit=-1", "invalid-limit"},
                new String[] {"limit=ten", "invalid-limit"},
                new String[] {"cursor=not-a-cursor", "invalid-cursor"},
                new String[] {"cursor=" + URLEncoder.encode("!!!", StandardCharsets.UTF_8), "invalid-cursor"});
        long downloadsBefore = items("kind=AUDIT_TRAIL_DOWNLOADED&user=alice&limit=500").size();

        List<String> wrong = new ArrayList<>();
        for (String[] refusal : refusals) {
            List<String> paths = new ArrayList<>(List.of("audit?" + refusal[0]));
            if (!refusal[0].startsWith("limit") && !refusal[0].startsWith("cursor")) {
                paths.add("audit/csv?" + refusal[0]); // a download has neither
            }
            for (String path : paths) {
                HttpResponse<String> refused = alice.get(path);
                JsonObject error = errorOf(refused);
                if (refused.statusCode() != 400 || !refusal[1].equals(error.getString("error", ""))
                        || error.getString("message", "").isBlank()) {
                    wrong.add(path + " → " + refused.statusCode() + " " + refused.body());
                }
            }
        }

        assertEquals(List.of(), wrong);
        assertEquals(downloadsBefore, items("kind=AUDIT_TRAIL_DOWNLOADED&user=alice&limit=500").size(),
                "a refused download is none");
        String message = Api.json(alice.get("audit?kind=nope")).getString("message");
        assertTrue(message.contains("EXPORT_REQUESTED") && message.contains("AUDIT_ANCHORED"), "names the kinds: " + message);
    }

    @Test
    void dates_and_characters_no_database_holds_are_a_400_naming_the_range_and_nothing_is_downloaded() throws Exception {
        String[] refusals = {"to=9999-12-31", "from=-1000000000-01-01T00:00:00Z", "to=%2B10000-01-01T00:00:00Z",
            "from=0000-01-01", "user=%00", "kind=%00"};
        long downloadsBefore = items("kind=AUDIT_TRAIL_DOWNLOADED&user=alice&limit=500").size();

        List<String> wrong = new ArrayList<>();
        for (String refusal : refusals) {
            for (String path : List.of("audit?" + refusal, "audit/csv?" + refusal)) {
                HttpResponse<String> refused = alice.get(path);
                JsonObject error = errorOf(refused);
                String message = error.getString("message", "");
                if (refused.statusCode() != 400 || !"invalid-filter".equals(error.getString("error", ""))
                        || !(message.contains("0001-01-01") && message.contains("9999-12-30") || message.contains("U+0000"))) {
                    wrong.add(path + " → " + refused.statusCode() + " " + refused.body());
                }
            }
        }

        assertEquals(List.of(), wrong);
        assertEquals(downloadsBefore, items("kind=AUDIT_TRAIL_DOWNLOADED&user=alice&limit=500").size(),
                "a refused download is none");
        assertEquals(200, alice.get("audit?from=0001-01-01&to=9999-12-30").statusCode(), "the range's own ends are taken");
    }

    @Test
    void only_super_admins_read_verify_download_and_anchor() throws Exception {
        JsonObject before = Api.json(alice.get("audit/verify"));
        for (String path : List.of("audit", "audit/verify", "audit/csv")) {
            assertEquals(403, bob.get(path).statusCode(), path);
            assertEquals(401, Api.anonymous().get(path).statusCode(), path);
        }
        HttpResponse<String> anchored = bob.post("audit/anchors", "");
        assertEquals(403, anchored.statusCode(), anchored.body());
        assertEquals(401, Api.anonymous().post("audit/anchors", "").statusCode());

        assertEquals(before.get("lastAnchor"), Api.json(alice.get("audit/verify")).get("lastAnchor"),
                "bob published no anchor");
    }

    @Test
    void an_untouched_chain_verifies_and_an_anchor_publishes_its_head() throws Exception {
        HttpResponse<String> verified = alice.get("audit/verify");

        assertEquals(200, verified.statusCode(), verified.body());
        JsonObject verdict = Api.json(verified);
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
        assertFalse(verdict.containsKey("firstBad"), verdict.toString());
        assertTrue(verdict.getJsonObject("head").getString("hash").matches("[0-9a-f]{64}"), verdict.toString());
        long head = verdict.getJsonObject("head").getJsonNumber("seq").longValue();

        HttpResponse<String> anchored = alice.post("audit/anchors", "");

        assertEquals(201, anchored.statusCode(), anchored.body());
        JsonObject anchor = Api.json(anchored);
        assertTrue(anchor.getJsonNumber("seq").longValue() >= head, "the head, as it was then: " + anchor);
        assertTrue(anchor.getString("hash").matches("[0-9a-f]{64}"), anchor.toString());
        assertFalse(Instant.parse(anchor.getString("at")).isBefore(began), anchor.toString());
        JsonObject after = Api.json(alice.get("audit/verify"));
        assertTrue(after.getBoolean("valid"), after.toString());
        assertTrue(after.getJsonNumber("checked").longValue() >= 1, after.toString());
        assertEquals(anchor, after.getJsonObject("lastAnchor"));
        assertTrue(after.getJsonObject("head").getJsonNumber("seq").longValue() > anchor.getJsonNumber("seq").longValue(),
                "the anchor's own record follows the head it names: " + after);
        JsonObject record = items("kind=AUDIT_ANCHORED&user=alice&limit=1").get(0);
        assertEquals(anchor.getJsonNumber("seq"), record.getJsonObject("detail").getJsonNumber("seq"), record.toString());
        assertEquals(anchor.getString("hash"), record.getJsonObject("detail").getString("hash"));
    }

    @Test
    void the_csv_download_is_the_filtered_trail_formula_safe_and_itself_audited() throws Exception {
        String name = "=cmd-" + System.nanoTime();
        long id = start(bob, name);
        bob.awaitEnd(id);
        Trail.caughtUp();

        HttpResponse<String> csv = alice.get("audit/csv?export=" + id);

        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv;charset=UTF-8", csv.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow()
                .matches("attachment; filename=\"audit-trail-[0-9-]+\\.csv\"; filename\\*=UTF-8''audit-trail-[0-9-]+\\.csv"),
                csv.headers().toString());
        assertTrue(csv.body().endsWith("\r\n"), "RFC 4180 lines");
        List<List<String>> rows = Csv.parse(csv.body());
        assertEquals(List.of("Seq", "Time", "Kind", "User", "Export", "Detail", "Hash"), rows.get(0));
        List<List<String>> records = rows.subList(1, rows.size());
        assertEquals(List.of("EXPORT_COMPLETED", "EXPORT_REQUESTED"), records.stream().map(row -> row.get(2)).toList());
        assertEquals(items("export=" + id).stream().map(record -> record.getJsonNumber("seq").toString()).toList(),
                records.stream().map(row -> row.get(0)).toList(), "the same records as the API's, newest first");
        assertEquals(name + ".csv", DemoRealm.json(records.get(1).get(5)).getString("fileName"),
                "the detail, as JSON, holds the name as it was asked for");
        Csv.assertNoCellStartsLikeAFormula(rows);

        JsonObject downloaded = items("kind=AUDIT_TRAIL_DOWNLOADED&user=alice&limit=1").get(0);
        assertFalse(Instant.parse(downloaded.getString("at")).isBefore(began), downloaded.toString());
        assertEquals(id, downloaded.getJsonObject("detail").getJsonObject("filters").getJsonNumber("exportId").longValue(),
                "with its filters: " + downloaded);
        assertEquals(records.size(), downloaded.getJsonObject("detail").getInt("records"), "and its record count");
        assertTrue(downloaded.isNull("exportId"), "a download of the trail is about no one export");
    }

    @Test
    void a_user_name_that_starts_like_a_formula_is_neutralised_in_the_csv() throws Exception {
        transaction.begin();
        downloads.fire(new TrailDownloaded(FORMULA_USER, "{}", 0, Instant.now()));
        transaction.commit();
        Trail.caughtUp();

        HttpResponse<String> csv = alice.get("audit/csv?user=" + URLEncoder.encode(FORMULA_USER, StandardCharsets.UTF_8));

        assertEquals(200, csv.statusCode(), csv.body());
        List<List<String>> rows = Csv.parse(csv.body());
        assertTrue(rows.size() >= 2, csv.body());
        assertEquals("'" + FORMULA_USER, rows.get(1).get(3), "a quote in front: shown as text, never run");
        Csv.assertNoCellStartsLikeAFormula(rows);
        assertTrue(Api.json(alice.get("audit/verify")).getBoolean("valid"));
    }

    /** Starts an export of the companies under a file name of the test's. */
    private static long start(Api caller, String fileName) throws Exception {
        HttpResponse<String> accepted = caller.post("exports", "{\"source\": \"companies\", \"format\": \"CSV\","
                + " \"fileName\": \"" + fileName + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        return Api.json(accepted).getJsonNumber("id").longValue();
    }

    private static void assertDescending(List<JsonObject> records) {
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i - 1).getJsonNumber("seq").longValue() > records.get(i).getJsonNumber("seq").longValue(),
                    "newest first: " + records);
        }
    }

    private static Set<Long> exportIds(List<JsonObject> records) {
        Set<Long> ids = new HashSet<>();
        records.stream().filter(record -> !record.isNull("exportId"))
                .forEach(record -> ids.add(record.getJsonNumber("exportId").longValue()));
        return ids;
    }

    private List<JsonObject> items(String query) throws Exception {
        return page(query).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** A page as alice reads it, once every record of what the test did has joined the chain. */
    private JsonObject page(String query) throws Exception {
        Trail.caughtUp();
        HttpResponse<String> page = alice.get("audit?" + query);
        assertEquals(200, page.statusCode(), query + ": " + page.body());
        return Api.json(page);
    }

    /** The API's error body, or an empty object where the answer is not the JSON the contract promises. */
    private static JsonObject errorOf(HttpResponse<String> refused) {
        try {
            return Api.json(refused);
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
