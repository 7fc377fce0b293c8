package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's refusals in the caller's language: the account's locale (stina's is Swedish), else
 * the Accept-Language header, else English; the error code stays the same in every language.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiLanguageIT {

    private static final String UNSAFE = "{\"source\": \"contacts\", \"format\": \"CSV\", \"fileName\": \"../payroll.csv\"}";
    private static final String ENGLISH = "'../payroll.csv' is not a safe file name: use letters, digits, spaces and"
            + " . _ - ( ), without slashes, '..' or a leading dot or dash.";
    private static final String SWEDISH = "Filnamnet '../payroll.csv' är inte säkert: använd bokstäver, siffror,"
            + " mellanslag och . _ - ( ), utan snedstreck, '..' eller inledande punkt eller bindestreck.";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

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
