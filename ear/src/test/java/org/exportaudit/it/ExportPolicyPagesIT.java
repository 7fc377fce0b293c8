package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Export policies in headless Chromium: alice adds an approval policy on the Policies page, bob's
 * export waits for it, alice approves from the link in the mail the real SMTP server (GreenMail)
 * received, and bob downloads the file; four eyes (nobody decides on their own export) and the
 * exporter kept out of the Policies page; a denial whose reason bob reads. Every policy a test
 * adds is deleted after it: the tests share one server, and a policy left behind would hold other
 * tests' exports (tests run one at a time, so every policy created since a test began is its own). Screenshots for the README are taken on the way (docs/screenshots).
 */
@DeployedOnce
class ExportPolicyPagesIT {

    private static final String APP = DemoRealm.APP.toString();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("export-audit.screenshots",
            "../docs/screenshots"));
    private static final Pattern LINK = Pattern.compile("(http\\S+/log/(\\d+))");

    private MailSink smtp;
    private Api alice;
    private final List<Long> policies = new ArrayList<>();
    private Instant began;

    @BeforeEach
    void smtp() throws Exception {
        smtp = MailSink.started();
        alice = Api.as("alice");
        began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void removePolicies() throws Exception {
        smtp.close();
        List<Long> added = new ArrayList<>(policies);
        // also those added on the page that the test did not get to note
        for (JsonObject policy : DemoRealm.jsonArray(alice.get("policies").body()).getValuesAs(JsonObject.class)) {
            if (!Instant.parse(policy.getString("createdAt")).isBefore(began)
                    && !added.contains(policy.getJsonNumber("id").longValue())) {
                added.add(policy.getJsonNumber("id").longValue());
            }
        }
        for (long id : added) {
            int status = alice.delete("policies/" + id).statusCode();
            assertTrue(status == 204 || status == 404, "policy " + id + " deleted: " + status);
        }
    }

    @Test
    void alice_adds_an_approval_policy_bob_waits_and_alice_approves_from_the_link_in_her_mail() throws Exception {
        // a rolling block beside it, for a policies page that shows more than one kind
        policies.add(addPolicy("{\"source\": \"deals\", \"appliesTo\": \"export\", \"action\": \"block\","
                + " \"limit\": 500000, \"window\": \"PT24H\", \"message\": \"More than 500,000 deals a day: ask your"
                + " manager.\"}"));
        String name = "companies-of-bob-" + System.nanoTime();
        String fileName = name + ".csv";
        try (Browser alicesBrowser = new Browser()) {
            alicesBrowser.open(APP + "exports.xhtml");
            alicesBrowser.signInOnKeycloak("alice");
            alicesBrowser.click(By.id("nav-policies"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.tagName("h1")).equals("Export policies"),
                    "the Policies page, from the navigation");

            alicesBrowser.choose("policy-form:source", "Companies");
            alicesBrowser.choose("policy-form:applies-to", "Exporters");
            alicesBrowser.choose("policy-form:action", "Hold for approval");
            alicesBrowser.type(By.id("policy-form:message"), "A second pair of eyes for large exports of companies.");
            alicesBrowser.type(By.id("policy-form:limit"), "10000001");
            alicesBrowser.click(By.id("policy-form:add"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("policy-form:limit-message"))
                    .contains("1 to 10,000,000"), "the refusal next to the limit, naming the range");
            assertTrue(policiesOf("companies").isEmpty(), "nothing stored");

            alicesBrowser.type(By.id("policy-form:limit"), "1000");
            alicesBrowser.click(By.id("policy-form:add"));
            String description = "Approval from 1,000 records of Companies (exporters)"; // the source by its label
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("policies-form:policies")).contains(description),
                    "the new policy in the table");
            List<JsonObject> stored = policiesOf("companies");
            assertEquals(1, stored.size(), stored.toString());
            policies.add(stored.get(0).getJsonNumber("id").longValue());
            assertEquals("approve", stored.get(0).getString("action"));
            assertEquals("export", stored.get(0).getString("appliesTo"));
            assertEquals(1000, stored.get(0).getInt("limit"));
            assertEquals("alice", stored.get(0).getString("createdBy"));
            alicesBrowser.scrollToTop();
            alicesBrowser.screenshot(SCREENSHOTS.resolve("policies.png"));

            Api bob = Api.as("bob");
            HttpResponse<String> started = bob.post("exports", "{\"source\": \"companies\", \"format\": \"CSV\","
                    + " \"fileName\": \"" + name + "\"}");
            assertEquals(202, started.statusCode(), started.body());
            long id = Api.json(started).getJsonNumber("id").longValue();
            assertEquals("AWAITING_APPROVAL", Api.json(started).getString("status"));

            try (Browser bobsBrowser = new Browser()) {
                bobsBrowser.open(APP + "exports.xhtml");
                bobsBrowser.signInOnKeycloak("bob");
                bobsBrowser.waitUntil(10, () -> bobsBrowser.rowOf(fileName).getText().contains("Awaiting approval"),
                        "bob sees his export waiting");
                assertTrue(bobsBrowser.rowOf(fileName).getText().contains(description), "with the policy that holds it");
                assertTrue(Browser.showsLink(bobsBrowser.rowOf(fileName), "Withdraw"), "bob may withdraw it");
                assertFalse(Browser.showsLink(bobsBrowser.rowOf(fileName), "Approve"), "but not approve it");

                String link = approvalLink(name, "alice@example.com");
                assertTrue(link.endsWith("/export-audit/log/" + id), link);
                alicesBrowser.open(link);
                alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("focused-form:focused")).contains("Awaiting approval"),
                        "the export the mail links to, waiting");
                assertTrue(alicesBrowser.isShown(By.id("focused-form:deny")));
                alicesBrowser.screenshot(SCREENSHOTS.resolve("awaiting-approval.png"));
                alicesBrowser.click(By.id("focused-form:approve"));
                alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("log:log-messages")).contains("approved"),
                        "the approval confirmed");

                JsonObject ended = bob.awaitEnd(id);
                assertEquals("COMPLETED", ended.getString("status"), ended.toString());
                assertEquals("alice", ended.getString("decidedBy"));
                By download = By.linkText(fileName);
                bobsBrowser.waitUntil(30, () -> bobsBrowser.isShown(download), "bob's export becomes a download link");
                assertTrue(bobsBrowser.rowOf(fileName).getText().contains("Approved by alice"));
                bobsBrowser.click(download);
                Path file = bobsBrowser.downloaded(fileName);
                assertEquals(5001, Files.readAllLines(file, StandardCharsets.UTF_8).size(), "5,000 companies and a header");
            }
        }
    }

    @Test
    void an_exporter_cannot_open_the_policies_page_and_nobody_decides_on_their_own_export() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(DemoRealm.APP.resolve("policies.xhtml"))
                .header("Authorization", "Bearer " + DemoRealm.accessToken("erin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, page.statusCode());

        policies.add(addPolicy("{\"source\": \"deals\", \"appliesTo\": \"super-admin\", \"action\": \"approve\","
                + " \"limit\": 1, \"message\": \"Super admins' deals take another super admin.\"}"));
        String fileName = "deals-of-sam-" + System.nanoTime() + ".csv";
        HttpResponse<String> started = Api.as("sam").post("exports", "{\"source\": \"deals\", \"format\": \"CSV\","
                + " \"fileName\": \"" + fileName + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        long id = Api.json(started).getJsonNumber("id").longValue();
        assertEquals("AWAITING_APPROVAL", Api.json(started).getString("status"));

        try (Browser erin = new Browser()) {
            erin.open(APP + "log/" + id);
            erin.signInOnKeycloak("erin");
            erin.text(By.id("log:exports"));
            assertFalse(erin.isShown(By.id("focused-form:focused")), "erin does not see sam's export");
            assertFalse(erin.isShown(By.id("focused-form:approve")));
            assertFalse(erin.isShown(By.id("nav-policies")), "no Policies in erin's navigation");
            erin.open(APP + "policies.xhtml");
            assertEquals("No access", erin.text(By.id("no-access")));
        }
        try (Browser sam = new Browser(); Browser alicesBrowser = new Browser()) {
            sam.open(APP + "log/" + id);
            sam.signInOnKeycloak("sam");
            sam.waitUntil(10, () -> sam.text(By.id("focused-form:focused")).contains("Awaiting approval"), "sam's export");
            assertFalse(sam.isShown(By.id("focused-form:approve")), "no Approve on one's own export");
            assertFalse(sam.isShown(By.id("focused-form:deny")), "no Deny either");
            assertFalse(Browser.showsLink(sam.rowOf(fileName), "Approve"), "nor in the log");

            alicesBrowser.open(APP + "log/" + id);
            alicesBrowser.signInOnKeycloak("alice");
            alicesBrowser.waitUntil(10, () -> alicesBrowser.isShown(By.id("focused-form:approve")),
                    "another super admin may approve it");
            assertTrue(Browser.showsLink(alicesBrowser.rowOf(fileName), "Approve"), "in the log too");

            sam.click(By.id("focused-form:withdraw"));
            sam.waitUntil(10, () -> sam.text(By.id("focused-form:focused")).contains("Withdrawn by sam"), "withdrawn");

            // alice's page still offers Approve: the export moved on meanwhile, and the page says so
            alicesBrowser.click(By.id("focused-form:approve"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("log:log-messages"))
                    .contains("WITHDRAWN, not awaiting approval"), "the refused approval explained");
            assertEquals("WITHDRAWN", Api.json(alice.get("exports/" + id)).getString("status"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("focused-form:focused")).contains("Withdrawn"),
                    "the export shows how it stands now");
        }
    }

    @Test
    void a_super_admin_denies_an_export_with_a_reason_and_the_requester_reads_it() throws Exception {
        policies.add(addPolicy("{\"source\": \"companies\", \"appliesTo\": \"export\", \"action\": \"approve\","
                + " \"limit\": 1000}"));
        String fileName = "companies-denied-" + System.nanoTime() + ".csv";
        HttpResponse<String> started = bobExportsCompanies(fileName);
        assertEquals(202, started.statusCode(), started.body());
        long id = Api.json(started).getJsonNumber("id").longValue();
        String reason = "Not before the audit of the customer base.";

        try (Browser alicesBrowser = new Browser()) {
            alicesBrowser.open(APP + "exports.xhtml");
            alicesBrowser.signInOnKeycloak("alice");
            alicesBrowser.type(By.id("log:filter-user"), "bob");
            alicesBrowser.choose("log:filter-status", "Awaiting approval");
            alicesBrowser.click(By.id("log:search"));
            // the filtered table replaces the whole log when the answer arrives: ask for both at once
            alicesBrowser.waitUntil(10, () -> alicesBrowser.rowOf(fileName).getText().contains("Awaiting approval")
                    && alicesBrowser.all(By.cssSelector("#log\\:exports tbody tr")).stream()
                            .allMatch(row -> row.getText().contains("Awaiting approval")),
                    "bob's export among only those awaiting approval");

            alicesBrowser.waitUntil(10, () -> {
                alicesBrowser.rowOf(fileName).findElement(By.linkText("Deny")).click();
                return true;
            }, "Deny");
            alicesBrowser.waitUntil(10, () -> alicesBrowser.isShown(By.id("deny-form:confirm-deny")), "the deny dialog");
            assertTrue(alicesBrowser.text(By.cssSelector("#deny-form .ea-denying")).startsWith(fileName));
            alicesBrowser.click(By.id("deny-form:confirm-deny"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("deny-form:reason-message")).contains("Say why"),
                    "a denial needs a reason");
            assertEquals("AWAITING_APPROVAL", Api.json(alice.get("exports/" + id)).getString("status"));

            alicesBrowser.type(By.id("deny-form:reason"), reason);
            alicesBrowser.click(By.id("deny-form:confirm-deny"));
            alicesBrowser.waitUntil(10, () -> !alicesBrowser.isShown(By.id("deny-form:confirm-deny")), "the dialog closes");
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("log:log-messages")).contains("denied"), "denied");
        }
        JsonObject denied = Api.json(alice.get("exports/" + id));
        assertEquals("DENIED", denied.getString("status"));
        assertEquals(reason, denied.getString("reason"));
        try (Browser bob = new Browser()) {
            bob.open(APP + "exports.xhtml");
            bob.signInOnKeycloak("bob");
            bob.waitUntil(10, () -> bob.rowOf(fileName).getText().contains("Denied by alice: " + reason),
                    "bob reads why his export was denied");
            assertFalse(Browser.showsLink(bob.rowOf(fileName), fileName), "no file to download");
            assertFalse(Browser.showsLink(bob.rowOf(fileName), "Withdraw"), "nothing left to withdraw");
        }
    }

    @Test
    void a_super_admin_changes_a_policys_limit_and_message_and_deletes_a_policy() throws Exception {
        long kept = addPolicy("{\"source\": \"contacts\", \"action\": \"notify\", \"limit\": 90000, \"window\": \"PT1H\","
                + " \"message\": \"Tell me about contact exports.\"}");
        policies.add(kept);
        long deleted = addPolicy("{\"appliesTo\": \"export\", \"action\": \"notify\", \"limit\": 5,"
                + " \"window\": \"P7D\", \"measure\": \"exports\"}");
        policies.add(deleted);
        try (Browser alicesBrowser = new Browser()) {
            alicesBrowser.open(APP + "policies.xhtml");
            alicesBrowser.signInOnKeycloak("alice");
            String rowOfKept = "#" + kept + " Notice from 90,000 records of Contacts per user in 1 hour";
            alicesBrowser.waitUntil(10, () -> policyRow(alicesBrowser, "#" + deleted + " ").getText()
                    .contains("All sources"), "a policy on every source says so");

            policyRow(alicesBrowser, rowOfKept).findElement(By.linkText("Change")).click();
            alicesBrowser.waitUntil(10, () -> alicesBrowser.isShown(By.id("change-form:save")), "the change dialog");
            alicesBrowser.type(By.id("change-form:limit"), "0");
            alicesBrowser.click(By.id("change-form:save"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.text(By.id("change-form:limit-message"))
                    .contains("1 to 10,000,000"), "the refusal next to the limit in the dialog");
            assertEquals(90000, policy(kept).getInt("limit"), "nothing changed");

            alicesBrowser.type(By.id("change-form:limit"), "80000");
            alicesBrowser.type(By.id("change-form:message"), "Tell me about bulk contact exports.");
            alicesBrowser.click(By.id("change-form:save"));
            alicesBrowser.waitUntil(10, () -> !alicesBrowser.isShown(By.id("change-form:save")), "the dialog closes");
            alicesBrowser.waitUntil(10, () -> policyRow(alicesBrowser, "#" + kept + " Notice from 80,000 records")
                    .getText().contains("Tell me about bulk contact exports."), "the changed policy in the table");
            assertEquals(80000, policy(kept).getInt("limit"));
            assertEquals("PT1H", policy(kept).getString("window"), "the rest of the rule stays");

            policyRow(alicesBrowser, "#" + deleted + " ").findElement(By.linkText("Delete")).click();
            alicesBrowser.waitUntil(10, () -> alicesBrowser.isShown(By.id("policies-form:confirm-yes")), "a confirmation");
            assertTrue(alicesBrowser.text(By.cssSelector(".ui-confirm-dialog-message")).startsWith("Delete #" + deleted + " "));
            alicesBrowser.click(By.id("policies-form:confirm-yes"));
            alicesBrowser.waitUntil(10, () -> alicesBrowser.all(By.cssSelector("#policies-form\\:policies tbody tr"))
                    .stream().noneMatch(row -> row.getText().startsWith("#" + deleted + " ")), "the policy is gone");
            assertTrue(DemoRealm.jsonArray(alice.get("policies").body()).getValuesAs(JsonObject.class).stream()
                    .noneMatch(policy -> policy.getJsonNumber("id").longValue() == deleted), "deleted on the server");
        }
    }

    /** The Policies page's row of the policy whose description starts so. */
    private static org.openqa.selenium.WebElement policyRow(Browser browser, String description) {
        return browser.all(By.cssSelector("#policies-form\\:policies tbody tr")).stream()
                .filter(row -> row.getText().startsWith(description))
                .findFirst().orElseThrow(() -> new AssertionError("no policy row " + description));
    }

    private JsonObject policy(long id) throws Exception {
        return DemoRealm.jsonArray(alice.get("policies").body()).getValuesAs(JsonObject.class).stream()
                .filter(policy -> policy.getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow(() -> new AssertionError("no policy " + id));
    }

    @Test
    void a_blocked_attempt_stays_in_the_requesters_log_with_the_policys_message() throws Exception {
        policies.add(addPolicy("{\"source\": \"companies\", \"appliesTo\": \"export\", \"action\": \"block\","
                + " \"limit\": 1, \"message\": \"Companies leave through the CRM team only.\"}"));
        String fileName = "companies-blocked-" + System.nanoTime() + ".csv";
        HttpResponse<String> refused = bobExportsCompanies(fileName);
        assertEquals(403, refused.statusCode(), refused.body());

        try (Browser bob = new Browser()) {
            bob.open(APP + "exports.xhtml");
            bob.signInOnKeycloak("bob");
            bob.waitUntil(10, () -> bob.rowOf(fileName).getText()
                    .contains("Blocked: Companies leave through the CRM team only."), "the blocked attempt, with the message");
            assertTrue(bob.rowOf(fileName).getText().contains("Policy #" + policies.get(0) + " Blocked from 1 "),
                    "and the policy that blocked it: " + bob.rowOf(fileName).getText());
            assertFalse(Browser.showsLink(bob.rowOf(fileName), fileName), "no file");
            bob.choose("log:filter-status", "Blocked");
            bob.click(By.id("log:search"));
            bob.waitUntil(10, () -> bob.all(By.cssSelector("#log\\:exports tbody tr")).stream()
                    .allMatch(row -> row.getText().contains("Blocked")) && bob.rowOf(fileName) != null,
                    "the status filter finds it");
        }
    }

    /** Adds a policy through the API (as alice) and answers its id. */
    private long addPolicy(String json) throws Exception {
        HttpResponse<String> created = alice.post("policies", json);
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getJsonNumber("id").longValue();
    }

    private List<JsonObject> policiesOf(String source) throws Exception {
        return DemoRealm.jsonArray(alice.get("policies").body()).getValuesAs(JsonObject.class).stream()
                .filter(policy -> !policy.isNull("source") && policy.getString("source").equals(source))
                .toList();
    }

    /** The link in the approval request mailed to the admin about the export, as the SMTP server received it. */
    private String approvalLink(String fileName, String admin) throws Exception {
        MimeMessage mail = Poll.until(Duration.ofSeconds(30), Duration.ofMillis(50), () -> smtp.about(fileName, admin)
                .stream().filter(ExportPolicyPagesIT::asksApproval).findFirst(),
                () -> "no approval request about " + fileName + " mailed to " + admin);
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
    }

    private static boolean asksApproval(MimeMessage mail) {
        try {
            return mail.getSubject().startsWith("Approval needed");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** bob asks for a CSV export of the companies under {@code fileName}, over the API. */
    private static HttpResponse<String> bobExportsCompanies(String fileName) throws Exception {
        return Api.as("bob").post("exports", "{\"source\": \"companies\", \"format\": \"CSV\", \"fileName\": \""
                + fileName + "\"}");
    }
}
