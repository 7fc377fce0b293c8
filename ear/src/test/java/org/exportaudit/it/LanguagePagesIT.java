package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages in the person's language and time zone: Swedish for an account whose Keycloak locale
 * is Swedish, or a browser that asks for it; English after choosing it on the page; times where
 * the browser is, with UTC on hover.
 */
@DeployedOnce
class LanguagePagesIT {

    private static final String APP = DemoRealm.APP.toString();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("export-audit.screenshots",
            "../docs/screenshots"));
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HOVER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Test
    void a_super_admin_whose_account_is_swedish_reads_swedish_and_switches_to_english() throws Exception {
        long id = Api.json(Api.as("stina").post("exports", "{\"source\": \"contacts\", \"format\": \"CSV\","
                + " \"fileName\": \"stinas-kontakter\"}")).getJsonNumber("id").longValue();
        long records = Api.as("stina").awaitEnd(id).getJsonNumber("records").longValue();
        try (Browser stina = new Browser()) { // an English browser: the account's locale wins
            stina.open(APP + "exports.xhtml");
            stina.signInOnKeycloak("stina");

            assertEquals("Exportlogg \u2014 alla användare", stina.text(By.tagName("h1")));
            assertEquals("sv", stina.attribute(By.tagName("html"), "lang"));
            assertEquals("Kontakter", stina.text(By.id("nav-contacts")));
            String row = stina.rowOf("stinas-kontakter.csv").getText();
            assertTrue(row.contains("Klar") && row.contains("Visa historik"), "status and links in Swedish: " + row);
            assertTrue(row.contains("Kontakter"), "the source by its Swedish label: " + row);
            assertTrue(row.contains(String.format(java.util.Locale.forLanguageTag("sv"), "%,d", records).replace('\u00a0', ' '))
                    || row.contains(String.format(java.util.Locale.forLanguageTag("sv"), "%,d", records)),
                    "the records counted the Swedish way (" + records + "): " + row);
            stina.screenshot(SCREENSHOTS.resolve("export-log-sv.png"));

            stina.click(By.cssSelector(".ea-language-en"));
            stina.waitUntil(10, () -> "Export log \u2014 all users".equals(stina.text(By.tagName("h1"))), "the log in English");
            stina.open(APP + "settings.xhtml");
            assertEquals("Settings \u00b7 Import & Export", stina.text(By.tagName("h1")), "the choice holds for the session");
        }
    }

    @Test
    void a_policy_is_said_in_swedish_on_the_policies_page_and_in_the_log() throws Exception {
        Policies policies = new Policies();
        try {
            long id = policies.add("{\"source\": \"deals\", \"appliesTo\": \"export\", \"action\": \"block\", \"limit\": 1}");
            String fileName = "avtal-" + System.nanoTime();
            java.net.http.HttpResponse<String> blocked = Api.as("bob").post("exports",
                    "{\"source\": \"deals\", \"format\": \"CSV\", \"fileName\": \"" + fileName + "\"}");
            assertEquals(403, blocked.statusCode(), blocked.body());
            String said = "#" + id + " Blockering från 1 post ur Affärer (exportörer)"; // the source by its Swedish label
            try (Browser stina = new Browser()) {
                stina.open(APP + "policies.xhtml");
                stina.signInOnKeycloak("stina");
                stina.waitUntil(10, () -> stina.text(By.id("policies-form:policies")).contains(said),
                        "the policy in Swedish");

                stina.open(APP + "exports.xhtml");
                stina.waitUntil(10, () -> stina.rowOf(fileName + ".csv").getText().contains("Policy " + said),
                        "the policy that blocked bob's export, in Swedish");
            }
        } finally {
            policies.removeAll();
        }
    }

    @Test
    void a_swedish_super_admin_is_mailed_in_swedish_with_stockholm_time() throws Exception {
        try (MailSink smtp = MailSink.started()) {
            Api stina = Api.as("stina"); // her request makes her account's language and zone known
            assertEquals(200, stina.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
            String name = "till-stina-" + System.nanoTime();
            long id = Api.json(Api.as("bob").post("exports", "{\"source\": \"companies\", \"format\": \"CSV\","
                    + " \"fileName\": \"" + name + "\"}")).getJsonNumber("id").longValue();

            jakarta.mail.internet.MimeMessage mail = smtp.await(name, "stina@example.com", 20);
            Api.as("bob").awaitEnd(id);
            assertTrue(mail.getSubject().startsWith("Stor export: bob exporterar "), mail.getSubject());
            String text = (String) ((jakarta.mail.internet.MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
            assertTrue(text.startsWith("Hej stina,") && text.contains("poster ur Företag"), "the source's Swedish label: " + text);
            java.util.regex.Matcher when = java.util.regex.Pattern.compile("När: +(\\S+ \\S+) (CET|CEST)").matcher(text);
            assertTrue(when.find(), "the time in Stockholm's zone: " + text);
        } finally {
            Api.as("stina").put("settings/large-export-threshold", "{\"threshold\": null}");
        }
    }

    @Test
    void an_exporter_whose_browser_asks_for_swedish_in_tokyo_sees_tokyo_time_and_utc_on_hover() throws Exception {
        long id = Api.json(Api.as("bob").post("exports", "{\"source\": \"deals\", \"format\": \"CSV\","
                + " \"fileName\": \"tokyo-deals\"}")).getJsonNumber("id").longValue();
        Api.as("bob").awaitEnd(id);
        try (Browser bob = new Browser("sv", "Asia/Tokyo")) {
            bob.open(APP + "exports.xhtml");
            bob.signInOnKeycloak("bob");

            // the first page may be drawn in UTC, before the browser told its zone: it is drawn again
            bob.waitUntil(10, () -> bob.rowOf("tokyo-deals.csv").getText().contains("JST"), "the date in Tokyo's time");
            assertEquals("Dina exporter", bob.text(By.tagName("h1")));
            org.openqa.selenium.WebElement when = bob.rowOf("tokyo-deals.csv").findElement(By.cssSelector(".ea-when"));
            LocalDateTime shown = LocalDateTime.parse(when.getText().replace(" JST", ""), SHOWN);
            LocalDateTime utc = LocalDateTime.parse(when.getAttribute("title"), HOVER);
            assertEquals(utc.withSecond(0).plus(Duration.ofHours(9)), shown,
                    "Tokyo is 9 hours ahead of UTC: " + when.getText() + " / " + when.getAttribute("title"));
            assertEquals(ZoneId.of("Asia/Tokyo").getId(), bob.cookie("ea-zone").replace("%2F", "/"));
        }
    }
}
