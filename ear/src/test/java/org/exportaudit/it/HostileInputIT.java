package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A table of hostile values sent to every REST endpoint and the pages' forms: huge and negative
 * numbers, dates no database holds, NUL and other control and format characters, 10 kB strings,
 * broken percent-encodings, wrong JSON types, unknown enum values, broken cookies and headers.
 * Whatever the value, the answer is never a 500; an error of the API is JSON {@code {error, message}}
 * and holds no database or JVM text; a refused request stores and starts nothing (no export, no
 * policy, no threshold, no audit record of a change); an export that was accepted does not then fail;
 * and the server logs no failure of ours meanwhile. Runs on H2 and on PostgreSQL, whose refusals
 * (NUL in text, numbers out of range) differ from H2's.
 */
@AsksTheDatabase
@DeployedOnce
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final URI API = DemoRealm.APP.resolve("api/v1/");

    /** Hostile texts, as a JSON string or a page's field carries them. */
    private static final List<String> TEXTS = List.of(
            "\u0000", "a\u0000b", "\u0007bell", "\u001b[31mred", "\u202Egpj.exe", "\u200B", "\uFEFF", "\uD800", "x".repeat(10_240),
            "99999999999999999999999999999999999999999", "-99999999999999999999999999999999999999999",
            "9223372036854775808", "-9223372036854775809", "-1", "0", "1e309", "NaN", "Infinity", "0x10", "1,5",
            "9999-12-31", "0000-01-01", "+10000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "2026-02-30",
            "9999-12-31 23:59:59", "-999999999-01-01", "CON", "nul.txt", "COM1.csv", "../../etc/passwd", "%", "%zz",
            "' OR '1'='1", "=HYPERLINK(\"http://x\")", "DONE", "explode", "P-1D", "PT-1H", "P9999999999D", "");

    /** Hostile query values, already percent-encoded (some of them no UTF-8 at all). */
    private static final List<String> QUERY_VALUES = withEncoded();

    /** JSON values of the wrong type for any field. */
    private static final List<JsonValue> WRONG_TYPES = List.of(JsonValue.NULL, JsonValue.TRUE,
            Json.createValue(-1), Json.createValue(new java.math.BigDecimal("1e400")), Json.createValue(1.5),
            JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT,
            Json.createArrayBuilder().add("contacts").build());

    /** What a database or the JVM says, which no answer may hold. */
    private static final Pattern DATABASE_TEXT = Pattern.compile(
            "(?i)sql|select |jdbc|org\\.h2|postgres|psql|eclipselink|exception|java\\.|jakarta\\.|\\tat |syntax error"
                    + "|numeric value|out of range for type|invalid byte sequence|epochday|resteasy|undertow|wildfly");

    private final List<String> problems = new ArrayList<>();

    @Test
    void no_hostile_value_gets_a_500_a_database_text_or_a_change_through_the_api() throws Exception {
        String alice = DemoRealm.accessToken("alice");
        String sam = DemoRealm.accessToken("sam");
        String bob = DemoRealm.accessToken("bob");
        ServerLog log = ServerLog.fromNow();
        State before = State.read(sam);

        // the filters of the export log, the audit trail and the dashboard
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("exports", List.of("user", "source", "status", "from", "to", "limit", "cursor"));
        queries.put("exports/csv", List.of("user", "source", "status", "from", "to"));
        queries.put("audit", List.of("kind", "user", "export", "from", "to", "limit", "cursor"));
        queries.put("audit/csv", List.of("kind", "user", "export", "from", "to"));
        queries.put("dashboard", List.of("days", "zone"));
        for (Map.Entry<String, List<String>> endpoint : queries.entrySet()) {
            for (String parameter : endpoint.getValue()) {
                for (String value : QUERY_VALUES) {
                    expectNoFault(send("GET", endpoint.getKey() + "?" + parameter + "=" + value, null, alice, Map.of()),
                            false);
                }
            }
        }
        // ids in paths
        for (String value : QUERY_VALUES) {
            String id = value.isEmpty() ? "%20" : value.replace("/", "%2F");
            expectNoFault(send("GET", "exports/" + id, null, alice, Map.of()), false);
            expectNoFault(send("GET", "exports/" + id + "/file", null, alice, Map.of()), false);
            expectNoFault(send("GET", "exports/" + id + "/downloads", null, alice, Map.of()), false);
            for (String move : List.of("cancel", "approve", "withdraw")) {
                expectNoFault(send("POST", "exports/" + id + "/" + move, "", sam, Map.of()), true);
            }
            expectNoFault(send("POST", "notifications/" + id + "/read", "", sam, Map.of()), true);
            expectNoFault(send("PUT", "policies/" + id, "{\"action\":\"notify\",\"limit\":275000}", sam, Map.of()), true);
            expectNoFault(send("DELETE", "policies/" + id, null, sam, Map.of()), true);
        }

        // bodies: every field of each, with every hostile text and every wrong type, and bodies that are no object
        // (one company at most: an export that is accepted is over in a moment)
        JsonObject export = Json.createObjectBuilder().add("source", "companies").add("format", "csv")
                .add("filters", Json.createObjectBuilder().add("id", "1")).build();
        for (String field : List.of("source", "format", "fileName", "filters")) {
            for (JsonValue value : hostileJson()) {
                startExport(bob, with(export, field, value));
            }
        }
        for (String column : List.of("id", "name", "created_on", "annual_revenue")) { // a whole number, a text, a date, a decimal
            for (JsonValue value : hostileJson()) {
                startExport(bob, with(export, "filters", Json.createObjectBuilder().add(column, value).build()));
            }
        }
        for (String column : TEXTS) {
            startExport(bob, with(export, "filters", Json.createObjectBuilder().add(column, "x").build()));
        }
        for (String body : List.of("", "null", "[]", "42", "\"contacts\"", "{", "{\"source\":", "{\"source\":\"contacts\"}}",
                "{\"source\": \"contacts\", \"source\": \"deals\", \"format\": \"csv\", \"filters\": {\"id\": \"1\", \"id\": \"2\"}}")) {
            startExport(bob, body);
        }

        JsonObject policy = Json.createObjectBuilder().add("source", "contacts").add("action", "notify").add("limit", 275_000)
                .add("message", "fuzz").build();
        for (String field : List.of("source", "appliesTo", "action", "limit", "window", "measure", "message")) {
            for (JsonValue value : hostileJson()) {
                createPolicy(sam, with(policy, field, value));
            }
        }
        for (String body : List.of("", "null", "[]", "{")) {
            createPolicy(sam, body);
        }
        for (JsonValue value : hostileJson()) {
            if (value == JsonValue.NULL || "\"\"".equals(value.toString())) {
                continue; // none, or empty: notifications off, as the settings page's empty field says
            }
            expectNoFault(send("PUT", "settings/large-export-threshold",
                    Json.createObjectBuilder().add("threshold", value).build().toString(), sam, Map.of()), true);
        }
        for (String body : List.of("", "null", "[]", "{")) {
            expectNoFault(send("PUT", "settings/large-export-threshold", body, sam, Map.of()), true);
        }
        for (JsonValue value : hostileJson()) {
            expectNoFault(send("POST", "exports/1/deny", Json.createObjectBuilder().add("reason", value).build().toString(),
                    sam, Map.of()), true);
        }

        // broken headers and cookies, on a read and on a change
        List<Map<String, String>> headers = List.of(
                Map.of("Accept-Language", "sv;q=2"), Map.of("Accept-Language", "sv;q=x"), Map.of("Accept-Language", "*;q=-1"),
                Map.of("Accept-Language", "en-;;;q"), Map.of("Accept-Language", "x".repeat(8_000)),
                Map.of("Accept", "text/html;q=x"), Map.of("Accept", "application/json;q=2"), Map.of("Accept", "garbage"),
                Map.of("Accept", "text/html"),
                Map.of("Content-Type", "application/json; charset=nope"), Map.of("Content-Type", "garbage"),
                Map.of("Content-Type", "text/plain"),
                Map.of("Cookie", "ea-zone=%"), Map.of("Cookie", "ea-zone=%E0%A4%A"), Map.of("Cookie", "JSESSIONID=%;ea-zone=%zz"),
                Map.of("X-Forwarded-For", "not-an-ip, 999.999.1.1"));
        for (Map<String, String> header : headers) {
            expectNoFault(send("GET", "me", null, bob, header), false);
            expectNoFault(send("GET", "exports?limit=1", null, bob, header), false);
            startExport(bob, export.toString(), header);
        }

        assertEquals(List.of(), problems, problems.size() + " problems");
        assertEquals(before, State.read(sam), "nothing changed by a refused request");
        assertEquals("", failuresOfOurs(log.text()), "failures logged while the hostile values were sent");
    }

    @Test
    void no_hostile_value_breaks_a_page_or_its_forms() throws Exception {
        ServerLog log = ServerLog.fromNow();
        // each field gets the values that are hostile to what it holds
        List<String> texts = List.of("\u0000", "\u202Egpj.exe", "x".repeat(10_240));
        List<String> dates = List.of("9999-12-31", "-1000000000-01-01", "\u0000");
        List<String> numbers = List.of("99999999999999999999999999999999999999999", "-1", "\u0000");
        try (Browser browser = new Browser()) {
            browser.open(DemoRealm.APP + "exports.xhtml");
            browser.signInOnKeycloak("alice");
            browser.text(By.id("log:exports"));

            for (String zone : List.of("%", "%E0%A4%A")) {
                browser.setCookie("ea-zone", zone);
                for (String page : List.of("exports.xhtml", "audit.xhtml", "records.xhtml?source=contacts")) {
                    browser.open(DemoRealm.APP + page);
                    expectPage(browser, page + " with the cookie ea-zone=" + zone);
                }
            }
            browser.setCookie("ea-zone", "Europe/Stockholm");

            for (String value : texts) {
                submit(browser, "exports.xhtml", Map.of("log:filter-user", value), "log:search");
                submit(browser, "audit.xhtml", Map.of("trail:filter-user", value), "trail:search");
            }
            for (String value : dates) {
                submit(browser, "exports.xhtml", Map.of("log:filter-from_input", value), "log:search");
                submit(browser, "exports.xhtml", Map.of("log:filter-to_input", value), "log:search");
                submit(browser, "audit.xhtml", Map.of("trail:filter-to_input", value), "trail:search");
            }
            for (String value : numbers) {
                submit(browser, "audit.xhtml", Map.of("trail:filter-export", value), "trail:search");
                submit(browser, "settings.xhtml", Map.of("settings:threshold", value), "settings:save");
            }
            for (String value : texts) {
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
                for (String query : List.of("source=" + encoded, "source=contacts&fileName=" + encoded)) {
                    browser.open(DemoRealm.APP + "records.xhtml?" + query);
                    expectPage(browser, "records.xhtml?" + query);
                }
            }
        }
        assertEquals(List.of(), problems, problems.size() + " problems");
        assertEquals("", failuresOfOurs(log.text()), "failures logged while the pages were sent hostile values");
    }

    /** The hostile texts as JSON strings, and the wrong types. */
    private static List<JsonValue> hostileJson() {
        List<JsonValue> values = new ArrayList<>();
        TEXTS.forEach(text -> values.add(Json.createValue(text)));
        values.addAll(WRONG_TYPES);
        return values;
    }

    private static List<String> withEncoded() {
        List<String> values = new ArrayList<>();
        TEXTS.forEach(text -> values.add(URLEncoder.encode(text, StandardCharsets.UTF_8)));
        // no UTF-8 at all (a surrogate, an overlong NUL, bytes no UTF-8 has); a broken escape such as "%zz" no
        // HTTP client sends, which the pages' cookie test covers instead
        values.addAll(List.of("%ED%A0%80", "%C0%80", "%FF%FE", "%E0%A4", "a%00b"));
        return values;
    }

    private static String with(JsonObject body, String field, JsonValue value) {
        JsonObjectBuilder changed = Json.createObjectBuilder(body);
        changed.add(field, value);
        return changed.build().toString();
    }

    private void startExport(String token, String body) throws Exception {
        startExport(token, body, Map.of());
    }

    /** Asks for an export: refused, it created nothing; accepted, it must not then fail. */
    private void startExport(String token, String body, Map<String, String> headers) throws Exception {
        long newest = newestExport(token);
        HttpResponse<String> answer = send("POST", "exports", body, token, headers);
        expectNoFault(answer, false);
        if (answer.statusCode() == 202) {
            JsonObject ended = Api.bearing(token).awaitEnd(Api.json(answer).getJsonNumber("id").longValue());
            if (!"COMPLETED".equals(ended.getString("status"))) {
                problems.add("POST exports " + shorten(body) + " was accepted and then " + ended);
            }
        } else if (newestExport(token) != newest) {
            problems.add("POST exports " + shorten(body) + " was refused (" + answer.statusCode() + ") but created an export");
        }
    }

    /** Asks for a policy: refused, it created none; accepted (harmless values), it is deleted again at once. */
    private void createPolicy(String token, String body) throws Exception {
        HttpResponse<String> answer = send("POST", "policies", body, token, Map.of());
        expectNoFault(answer, false);
        if (answer.statusCode() == 201) {
            long id = Api.json(answer).getJsonNumber("id").longValue();
            expectNoFault(send("DELETE", "policies/" + id, null, token, Map.of()), false);
        }
    }

    /**
     * Never a 500 nor any other 5xx; an error is JSON {@code {error, message}} without database or
     * JVM text; {@code refusedOnly}: the hostile request must not succeed.
     */
    private void expectNoFault(HttpResponse<String> answer, boolean refusedOnly) {
        String request = answer.request().method() + " " + shorten(answer.request().uri().getRawPath()
                + (answer.request().uri().getRawQuery() == null ? "" : "?" + answer.request().uri().getRawQuery()));
        int status = answer.statusCode();
        if (status >= 500) {
            problems.add(request + " answered " + status + ": " + shorten(answer.body()));
            return;
        }
        if (status >= 400) {
            JsonObject error;
            try {
                error = DemoRealm.json(answer.body());
            } catch (RuntimeException notJson) {
                problems.add(request + " answered " + status + " without a JSON error: " + shorten(answer.body()));
                return;
            }
            if (!error.containsKey("error") || !error.containsKey("message")) {
                problems.add(request + " answered " + status + " without error and message: " + shorten(answer.body()));
            }
            if (DATABASE_TEXT.matcher(error.getString("message", "")).find()) {
                problems.add(request + " answered " + status + " with a database's or the JVM's text: " + shorten(answer.body()));
            }
        } else if (refusedOnly && status < 300) {
            problems.add(request + " succeeded (" + status + "): " + shorten(answer.body()));
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String token,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long newestExport(String token) throws Exception {
        JsonObject page = DemoRealm.json(send("GET", "exports?limit=1", null, token, Map.of()).body());
        return page.getJsonArray("items").isEmpty() ? 0 : page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** Fills the page's fields as a script in the page would (any character, any length) and submits them. */
    private void submit(Browser browser, String page, Map<String, String> fields, String button) {
        browser.open(DemoRealm.APP + page);
        String what = page + " " + fields.keySet() + "=" + shorten(fields.values().iterator().next());
        expectPage(browser, what);
        fields.forEach((field, value) -> browser.script(
                "var field = document.getElementById(arguments[0]); field.removeAttribute('maxlength'); field.value = arguments[1];",
                field, value));
        browser.click(By.id(button));
        browser.waitUntil(20, () -> Boolean.TRUE.equals(browser.script(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")), "the answer to " + what);
        expectPage(browser, what + ", submitted");
    }

    /**
     * The page is the product's page, not an error page, and what it says of the request (its messages)
     * holds no database or JVM text.
     */
    private void expectPage(Browser browser, String what) {
        String source = browser.source();
        String visible = browser.text(By.tagName("body"));
        if (!source.contains("ea-") || visible.contains("Internal Server Error") || visible.contains("Error 500")) {
            problems.add(what + ": not the product's page: " + shorten(visible));
            return;
        }
        for (org.openqa.selenium.WebElement message : browser.all(By.cssSelector(".ui-messages, .ui-message"))) {
            if (DATABASE_TEXT.matcher(message.getText()).find()) {
                problems.add(what + ": database or JVM text in a message: " + shorten(message.getText()));
            }
        }
    }

    /** The lines of failures of ours in the server log: a 500's incident, a failed EJB call, an error of a page or the container. */
    private static String failuresOfOurs(String logged) {
        return String.join("\n", logged.lines()
                .filter(line -> line.contains("Incident ") || line.contains("WFLYEJB0034") || line.contains("UT005023")
                        || line.contains("FacesException") || line.contains("RESTEASY002")
                        || (line.contains("ERROR") && line.contains("org.exportaudit")))
                .limit(30).toList());
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 300 ? printable.substring(0, 300) + "…" : printable;
    }

    /**
     * What a refused request must not change besides the exports (each refused request of an export is
     * checked on its own, as an accepted one adds one): the policies, sam's threshold, the audit of changes.
     */
    private record State(String policies, String threshold, long changes) {

        static State read(String token) throws Exception {
            return new State(send("GET", "policies", null, token, Map.of()).body(),
                    send("GET", "settings/large-export-threshold", null, token, Map.of()).body(),
                    changes(token, "POLICY_CHANGED") + changes(token, "THRESHOLD_CHANGED"));
        }

        private static long changes(String token, String kind) throws Exception {
            return DemoRealm.json(send("GET", "audit?kind=" + kind + "&limit=200", null, token, Map.of()).body())
                    .getJsonArray("items").size();
        }
    }
}
