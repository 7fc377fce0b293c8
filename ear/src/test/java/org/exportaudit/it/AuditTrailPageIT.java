package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Audit trail page in headless Chromium: alice opens it from the navigation, sees the chain
 * verified, filters by kind, pages Older and Newer through the trail, and publishes an anchor; bob,
 * an exporter, has no Audit trail in his navigation and no access to the page. A screenshot for the
 * README is taken on the way (docs/screenshots/audit-trail.png).
 */
@DeployedOnce
class AuditTrailPageIT {

    private static final String APP = DemoRealm.APP.toString();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("export-audit.screenshots",
            "../docs/screenshots"));
    private static final By ROWS = By.cssSelector("#trail\\:records tbody tr");

    @Test
    void alice_reads_filters_pages_and_verifies_the_trail_and_publishes_an_anchor() throws Exception {
        Api alice = Api.as("alice");
        // more anchors than a page holds, so that the kind filter has an older page; an export for the other rows
        for (int i = 0; i < 22; i++) {
            assertEquals(201, alice.post("audit/anchors", "").statusCode());
        }
        Api bob = Api.as("bob");
        bob.awaitEnd(bob.start("companies", "CSV"));
        long newestBefore = newestSeqs(alice, "", 1).get(0);

        try (Browser browser = new Browser()) {
            browser.open(APP + "exports.xhtml");
            browser.signInOnKeycloak("alice");
            browser.click(By.id("nav-audit"));
            browser.waitUntil(10, () -> browser.text(By.tagName("h1")).equals("Audit trail"),
                    "the Audit trail page, from the navigation");
            browser.waitUntil(30, () -> browser.text(By.id("chain-state")).startsWith("Chain valid — "),
                    "the chain verified, valid");
            assertTrue(browser.text(By.id("chain-state")).matches("Chain valid — [0-9,]+ records checked, head #[0-9]+"),
                    browser.text(By.id("chain-state")));
            assertTrue(browser.text(By.id("last-anchor")).startsWith("Last anchor: #"), browser.text(By.id("last-anchor")));
            // The test server streams to a webhook and two syslog collectors (SiemWebhookIT, SiemSyslogIT),
            // which listen only while those tests run: each is listed with how far it got and its state.
            assertTrue(browser.text(By.id("siem-state")).matches("SIEM: 3 receivers, (all receiving|[1-3] failing)\\."),
                    browser.text(By.id("siem-state")));
            browser.waitUntil(30, () -> !browser.all(By.id("siem:receivers")).isEmpty(), "the receivers listed");
            String receivers = browser.text(By.id("siem:receivers"));
            assertTrue(receivers.contains(SiemReceivers.WEBHOOK + " (webhook)"), receivers);
            assertTrue(receivers.contains(SiemReceivers.COLLECTORS.get(0) + " (syslog)"), receivers);
            assertTrue(receivers.matches("(?s).*(Receiving|Failing since .*attempts\\):).*"), receivers);
            List<Long> first = seqs(browser);
            assertEquals(20, first.size(), first.toString());
            assertTrue(first.get(0) >= newestBefore, "from the newest record: " + first);
            assertEquals(first.stream().sorted(java.util.Comparator.reverseOrder()).distinct().toList(), first,
                    "newest first");
            WebElement exportLink = browser.all(By.cssSelector("#trail\\:records a.ea-export-link")).get(0);
            assertTrue(exportLink.getAttribute("href").matches(".*/export-audit/log/[0-9]+"), exportLink.getAttribute("href"));
            browser.screenshot(SCREENSHOTS.resolve("audit-trail.png"));

            browser.choose("trail:filter-kind", "Audit anchored");
            browser.click(By.id("trail:search"));
            List<Long> newest = newestSeqs(alice, "kind=AUDIT_ANCHORED&", 20);
            browser.waitUntil(10, () -> seqs(browser).equals(newest) && kinds(browser).stream()
                    .allMatch("Audit anchored"::equals), "only anchors, the newest 20");
            assertTrue(browser.text(By.id("trail:records")).contains("hash: "), "the detail as key: value pairs");

            browser.click(By.id("trail:older"));
            browser.waitUntil(10, () -> !seqs(browser).isEmpty() && seqs(browser).get(0) < newest.get(newest.size() - 1),
                    "the older page, below the newest");
            List<Long> older = seqs(browser);
            assertTrue(kinds(browser).stream().allMatch("Audit anchored"::equals), kinds(browser).toString());
            assertEquals(newestSeqs(alice, "kind=AUDIT_ANCHORED&cursor=" + cursorAfter(alice, newest.size()) + "&", 20),
                    older, "the API's second page");

            browser.click(By.id("trail:newer"));
            browser.waitUntil(10, () -> seqs(browser).equals(newest), "back to the newest page");

            browser.click(By.id("chain-form:anchor"));
            browser.waitUntil(10, () -> browser.text(By.id("messages")).contains("Anchor published: #"),
                    "the anchor confirmed");
            JsonObject anchor = Api.json(alice.get("audit/verify")).getJsonObject("lastAnchor");
            browser.waitUntil(10, () -> browser.text(By.id("last-anchor"))
                    .startsWith("Last anchor: #" + anchor.getJsonNumber("seq") + " on "), "the new anchor, as the last");
            browser.waitUntil(10, () -> browser.text(By.id("chain-state")).startsWith("Chain valid — "),
                    "still valid");
            assertTrue(browser.text(By.id("messages")).contains("#" + anchor.getJsonNumber("seq") + " "
                    + anchor.getString("hash")), browser.text(By.id("messages")));
        }
    }

    @Test
    void bob_has_no_audit_trail_in_his_navigation_and_no_access_to_the_page() throws Exception {
        try (Browser bob = new Browser()) {
            bob.open(APP + "exports.xhtml");
            bob.signInOnKeycloak("bob");
            bob.text(By.id("log:exports"));
            assertFalse(bob.isShown(By.id("nav-audit")), "no Audit trail in bob's navigation");

            bob.open(APP + "audit.xhtml");

            assertEquals("No access", bob.text(By.id("no-access")));
            assertFalse(bob.source().contains("chain-state"));
        }
    }

    /** The seq of each row the page shows, top to bottom. */
    private static List<Long> seqs(Browser browser) {
        return browser.all(By.cssSelector("#trail\\:records tbody tr .ea-seq")).stream()
                .map(seq -> Long.valueOf(seq.getText())).toList();
    }

    private static List<String> kinds(Browser browser) {
        return browser.all(ROWS).stream().map(row -> row.findElement(By.className("ea-kind")).getText()).toList();
    }

    /** The API's page of the same filters, as seqs. */
    private static List<Long> newestSeqs(Api alice, String filters, int limit) throws Exception {
        return Api.json(alice.get("audit?" + filters + "limit=" + limit)).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(record -> record.getJsonNumber("seq").longValue()).toList();
    }

    private static String cursorAfter(Api alice, int records) throws Exception {
        return Api.json(alice.get("audit?kind=AUDIT_ANCHORED&limit=" + records)).getString("next");
    }
}
