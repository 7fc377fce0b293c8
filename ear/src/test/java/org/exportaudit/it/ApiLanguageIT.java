package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API's refusals in the caller's language: the account's locale (stina's is Swedish), else
 * the Accept-Language header, else English; the error code stays the same in every language.
 */
@DeployedOnce
class ApiLanguageIT {

    private static final String UNSAFE = "{\"source\": \"contacts\", \"format\": \"CSV\", \"fileName\": \"../payroll.csv\"}";
    private static final String ENGLISH = "'../payroll.csv' is not a safe file name: use letters, digits, spaces and"
            + " . _ - ( ), without slashes, '..' or a leading dot or dash.";
    private static final String SWEDISH = "Filnamnet '../payroll.csv' är inte säkert: använd bokstäver, siffror,"
            + " mellanslag och . _ - ( ), utan snedstreck, '..' eller inledande punkt eller bindestreck.";

    @Test
    void a_refusal_is_in_swedish_for_a_caller_who_asks_for_swedish() throws Exception {
        Api bob = Api.as("bob");
        String logBefore = bob.get("exports?limit=200").body();

        HttpResponse<String> refused = bob.accepting("sv-SE,sv;q=0.9,en;q=0.8").post("exports", UNSAFE);

        assertRefusal(refused, SWEDISH, "sv");
        assertEquals(logBefore, bob.get("exports?limit=200").body(), "nothing was created");
    }

    @Test
    void a_refusal_is_in_english_for_a_caller_who_asks_for_no_language_or_one_not_offered() throws Exception {
        assertRefusal(Api.as("bob").post("exports", UNSAFE), ENGLISH, "en");
        assertRefusal(Api.as("bob").accepting("de-DE,de;q=0.9").post("exports", UNSAFE), ENGLISH, "en");
    }

    @Test
    void an_accept_language_that_does_not_parse_means_english_in_json() throws Exception {
        for (String unparsable : new String[] {"sv;q=2", "sv;q=x", "sv;q=-1"}) {
            assertRefusal(Api.as("bob").accepting(unparsable).post("exports", UNSAFE), ENGLISH, "en");
            HttpResponse<String> me = Api.as("bob").accepting(unparsable).get("me");
            assertEquals(200, me.statusCode(), unparsable + ": " + me.body());
        }
    }

    @Test
    void an_accept_or_a_content_type_that_does_not_parse_is_a_json_400() throws Exception {
        String token = Api.as("bob").token();
        List<String> wrong = new ArrayList<>();
        for (String[] header : new String[][] {{"Accept", "///"}, {"Accept", "text/html;q=x"},
            {"Accept", "application/json;q=2"}, {"Content-Type", "///"}, {"Content-Type", "application/json; charset=\""},
            {"Content-Type", "application/json; charset=no-such-charset"}}) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(DemoRealm.APP.resolve("api/v1/exports"))
                    .header("Authorization", "Bearer " + token)
                    .header(header[0], header[1])
                    .POST(HttpRequest.BodyPublishers.ofString(UNSAFE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (answer.statusCode() != 400 || !type.startsWith("application/json")
                    || !"malformed-request".equals(Api.json(answer).getString("error", ""))
                    || !Api.json(answer).getString("message", "").contains(header[0])) {
                wrong.add(header[0] + ": " + header[1] + " → " + answer.statusCode() + " " + type + " " + answer.body());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void the_account_s_language_wins_over_the_browser_s() throws Exception {
        Api stina = Api.as("stina");

        assertRefusal(stina.post("exports", UNSAFE), SWEDISH, "sv");
        assertRefusal(stina.accepting("en-US,en;q=0.9").post("exports", UNSAFE), SWEDISH, "sv");
    }

    @Test
    void a_caller_not_signed_in_is_told_in_their_language_too() throws Exception {
        HttpResponse<String> anonymous = Api.anonymous().accepting("sv").get("me");

        assertEquals(401, anonymous.statusCode(), anonymous.body());
        JsonObject error = Api.json(anonymous);
        assertEquals("unauthenticated", error.getString("error"));
        assertEquals("Logga in först: skicka en bearer-token från Keycloaks realm export-audit.", error.getString("message"));
        assertEquals("sv", anonymous.headers().firstValue("Content-Language").orElse(null));
    }

    @Test
    void the_sources_are_labelled_in_the_callers_language_and_keep_their_keys() throws Exception {
        HttpResponse<String> swedish = Api.as("bob").accepting("sv-SE,sv;q=0.9").get("sources");
        HttpResponse<String> english = Api.as("bob").get("sources");

        assertEquals(200, swedish.statusCode(), swedish.body());
        assertEquals("sv", swedish.headers().firstValue("Content-Language").orElse(null));
        JsonObject kontakter = source(swedish, "contacts");
        assertEquals("Kontakter", kontakter.getString("label"));
        assertEquals("Förnamn", column(kontakter, "first_name").getString("label"));
        JsonObject contacts = source(english, "contacts");
        assertEquals("Contacts", contacts.getString("label"));
        assertEquals("First name", column(contacts, "first_name").getString("label"));
        assertEquals("en", english.headers().firstValue("Content-Language").orElse(null));
        assertEquals("Kontakter", source(Api.as("stina").get("sources"), "contacts").getString("label"),
                "stina's account is in Swedish");
    }

    private static JsonObject source(HttpResponse<String> sources, String key) {
        return DemoRealm.jsonArray(sources.body()).getValuesAs(JsonObject.class).stream()
                .filter(source -> source.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + key + ": " + sources.body()));
    }

    private static JsonObject column(JsonObject source, String name) {
        return source.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .filter(column -> column.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name + ": " + source));
    }

    private static void assertRefusal(HttpResponse<String> refused, String message, String language) {
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject error = Api.json(refused);
        assertEquals("invalid-file-name", error.getString("error"));
        assertEquals(message, error.getString("message"));
        assertEquals(language, refused.headers().firstValue("Content-Language").orElse(null));
    }
}
