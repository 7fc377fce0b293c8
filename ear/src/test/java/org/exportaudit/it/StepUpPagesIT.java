package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Export policies in the browser, from a source's Export dialog: a step-up sends bob through
 * Keycloak's login for his password and back to the dialog as he left it; a blocked export says
 * the policy's message and limit; one held for approval says so and links to the log.
 */
@DeployedOnce
class StepUpPagesIT {

    private static final String APP = DemoRealm.APP.toString();

    private final Policies policies = new Policies();

    @AfterEach
    void removePolicies() throws Exception {
        policies.removeAll();
    }

    @Test
    void an_export_that_needs_a_fresh_sign_in_goes_through_keycloaks_login_and_back_to_the_dialog() throws Exception {
        JsonObject policy = policies.create("{\"action\": \"step-up\", \"limit\": 1, \"source\": \"contacts\"}");
        String name = "stepped up " + System.nanoTime();
        try (Browser bob = new Browser()) {
            bob.open(APP + "sources/contacts");
            bob.signInOnKeycloak("bob");
            assertEquals("Contacts", bob.text(By.tagName("h1")));
            Instant signedIn = Instant.now(); // his token's auth_time is no later than this
            // The condition is the sign-in's age, which only the clock makes: asked until it holds.
            Poll.untilTrue(StepUpIT.MAX_AGE.plusSeconds(30), Duration.ofMillis(250),
                    () -> Instant.now().isAfter(signedIn.plus(StepUpIT.MAX_AGE).plusSeconds(1)), () -> "bob's sign-in to age");

            bob.click(By.id("export"));
            bob.type(By.id("export-form:file-name"), name);
            bob.click(By.id("export-form:start-export"));

            bob.waitUntil(20, () -> bob.isShown(By.id("kc-form-login")), "Keycloak's login page, for the password again");
            assertTrue(bob.url().contains("prompt=login") && bob.url().contains("max_age=0"), bob.url());
            bob.signInAgainOnKeycloak("bob");

            bob.waitUntil(20, () -> bob.isShown(By.id("export-form:signed-in-again")), "the dialog, open again");
            assertEquals("Contacts", bob.text(By.tagName("h1")));
            assertEquals("bob", bob.text(By.id("signed-in-as")));
            assertTrue(bob.text(By.id("export-form:signed-in-again")).contains("press Start export"));
            assertEquals(name, bob.value(By.id("export-form:file-name")), "the dialog as bob left it");
            bob.click(By.id("export-form:start-export"));

            bob.waitUntil(10, () -> bob.url().contains("exports.xhtml"), "the export log after starting the export");
            bob.waitUntil(30, () -> bob.isShown(By.linkText(name + ".csv")), "the export completes");
        }
        JsonObject exported = Api.json(Api.as("bob").get("exports?source=contacts")).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(export -> export.getString("name").equals(name + ".csv"))
                .findFirst().orElseThrow();
        assertEquals("COMPLETED", exported.getString("status"));
        assertEquals(policy.getString("description"), exported.getString("policy"), "the step-up policy decided");
    }

    @Test
    void a_blocked_export_shows_the_policys_message_and_limit_in_the_dialog() throws Exception {
        JsonObject policy = policies.create("{\"action\": \"block\", \"limit\": 1000, \"source\": \"companies\","
                + " \"message\": \"Companies leave only through the CRM's own reports.\"}");
        try (Browser bob = new Browser()) {
            bob.open(APP + "sources/companies");
            bob.signInOnKeycloak("bob");
            bob.click(By.id("export"));
            bob.click(By.id("export-form:start-export"));

            bob.waitUntil(10, () -> bob.isShown(By.id("blocked-message")), "the policy's refusal in the dialog");
            assertEquals("Companies leave only through the CRM's own reports.", bob.text(By.id("blocked-message")));
            String limit = bob.text(By.id("blocked-limit"));
            // the policy as the page says it: its source by the label
            String said = "#" + policy.getJsonNumber("id") + " Blocked from 1,000 records of Companies";
            assertTrue(limit.contains("Limit: 1,000") && limit.contains(said), limit);
            assertTrue(bob.url().contains("records.xhtml") || bob.url().contains("sources/companies"), bob.url());
        }
    }

    @Test
    void an_export_held_for_approval_says_so_and_links_to_the_log() throws Exception {
        JsonObject policy = policies.create("{\"action\": \"approve\", \"limit\": 1, \"source\": \"deals\"}");
        String name = "deals for approval " + System.nanoTime();
        try (Browser bob = new Browser()) {
            bob.open(APP + "sources/deals");
            bob.signInOnKeycloak("bob");
            bob.click(By.id("export"));
            bob.type(By.id("export-form:file-name"), name);
            bob.click(By.id("export-form:start-export"));

            bob.waitUntil(10, () -> bob.isShown(By.id("awaiting-message")), "the dialog says the export waits");
            String message = bob.text(By.id("awaiting-message"));
            String said = "#" + policy.getJsonNumber("id") + " Approval from 1 record of Deals"; // its source by the label
            assertTrue(message.contains("waits for a super admin's approval") && message.contains(said), message);
            bob.click(By.id("awaiting-link"));
            bob.waitUntil(10, () -> bob.url().contains("/log/"), "the export log at the export");
            long id = Long.parseLong(bob.url().substring(bob.url().lastIndexOf('/') + 1));
            Api api = Api.as("bob");
            JsonObject waiting = Api.json(api.get("exports/" + id));
            assertEquals(name + ".csv", waiting.getString("name"));
            assertEquals("AWAITING_APPROVAL", waiting.getString("status"));
            assertEquals(200, api.post("exports/" + id + "/withdraw", "{}").statusCode(), "withdrawn: no approval left open");
        }
    }
}
