package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The export log and the bell redraw themselves when something happens, without reloading the page:
 * the server pushes over the page's websocket, and each page redraws what its user may see.
 */
@AsksTheDatabase
@DeployedOnce
class LivePagesIT {

    private static final String APP = DemoRealm.APP.toString();

    @Test
    void a_super_admin_sees_a_large_export_appear_in_the_log_and_the_bell_without_reloading() throws Exception {
        Api alice = Api.as("alice");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        try (Browser browser = new Browser()) {
            browser.open(APP + "exports.xhtml");
            browser.signInOnKeycloak("alice");
            browser.text(By.id("log:exports"));
            String unread = browser.text(By.id("bell:unread"));
            browser.script("window.samePage = 'yes';"); // gone if the page were loaded again

            String name = "live-" + System.nanoTime();
            // When the row appears, by the page's own clock (the test polls only every half second)
            browser.script("window.seenAt = null; new MutationObserver(function (changes, observer) {"
                    + " if (document.getElementById('log:exports').textContent.indexOf('" + name + ".csv') >= 0) {"
                    + " window.seenAt = Date.now(); observer.disconnect(); } }).observe(document.body, {childList: true, subtree: true});");
            Api bob = Api.as("bob");
            long asked = ((Number) browser.script("return Date.now();")).longValue();
            long id = Api.json(bob.post("exports", "{\"source\": \"contacts\", \"format\": \"CSV\","
                    + " \"fileName\": \"" + name + "\"}")).getJsonNumber("id").longValue();

            // Watched without holding the page still (reading rows holds its redraws while the test waits)
            browser.waitUntil(10, () -> browser.script("return window.seenAt;") != null, "bob's new export in alice's log");
            assertTrue(browser.all(By.cssSelector("#log\\:exports tbody tr")).stream()
                    .anyMatch(row -> row.getText().startsWith(name + ".csv")), "bob's new export is a row of alice's log");
            // Printed, not asserted (a figure, not a promise of timing): the "within a second"
            System.out.println("LivePagesIT: the new export was in alice's log "
                    + (((Number) browser.script("return window.seenAt;")).longValue() - asked) + " ms after bob asked for it");
            browser.waitUntil(10, () -> Long.parseLong(browser.text(By.id("bell:unread"))) > Long.parseLong(unread),
                    "the bell counts the new large-export notice");
            bob.awaitEnd(id);
            browser.waitUntil(10, () -> browser.rowOf(name + ".csv").getText().contains("Completed"), "the export shown completed");
            assertEquals("yes", browser.script("return window.samePage;"), "the page was redrawn in place, not loaded again");
        }
    }

    @Test
    void an_exporter_log_redraws_with_their_own_exports_only() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(APP + "exports.xhtml");
            browser.signInOnKeycloak("erin");
            browser.text(By.id("log:exports"));
            browser.script("window.samePage = 'yes';");

            String bobs = "bobs-" + System.nanoTime();
            String erins = "erins-" + System.nanoTime();
            Api.as("bob").post("exports", "{\"source\": \"deals\", \"format\": \"CSV\", \"fileName\": \"" + bobs + "\"}");
            Api.as("erin").post("exports", "{\"source\": \"deals\", \"format\": \"CSV\", \"fileName\": \"" + erins + "\"}");

            browser.waitUntil(10, () -> browser.all(By.cssSelector("#log\\:exports tbody tr")).stream()
                    .anyMatch(row -> row.getText().startsWith(erins + ".csv")), "erin's new export in her log");
            assertTrue(browser.all(By.cssSelector("#log\\:exports tbody tr")).stream()
                    .noneMatch(row -> row.getText().startsWith(bobs)), "bob's export is not erin's to see");
            assertEquals("yes", browser.script("return window.samePage;"), "redrawn in place");
        }
    }
}
