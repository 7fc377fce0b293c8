package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages in headless Chromium, signed in on Keycloak's own login page: exporting from a
 * source's index page, the export log with its download links, progress, cancel and history,
 * and the settings. Screenshots for the README are taken on the way (docs/screenshots).
 */
@DeployedOnce
class ExportPagesIT {

    private static final String APP = DemoRealm.APP.toString();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("export-audit.screenshots",
            "../docs/screenshots"));

    @Test
    void an_exporter_exports_contacts_as_csv_downloads_the_file_and_a_super_admin_sees_the_download()
            throws Exception {
        String name = "contacts-of-bob-" + System.nanoTime();
        String fileName = name + ".csv";
        try (Browser bob = new Browser()) {
            bob.open(APP + "sources/contacts");
            bob.signInOnKeycloak("bob");
            assertEquals("Contacts", bob.text(By.tagName("h1")), "the page asked for, after the sign-in");
            assertFalse(bob.all(By.cssSelector("#records\\:rows tbody tr")).isEmpty(), "the contacts are listed");
            // the last page and the one before it, read by keyset from the end: the highest ids, in order
            bob.click(By.cssSelector("#records\\:rows .ui-paginator-last"));
            bob.waitUntil(10, () -> "100000".equals(firstCell(bob, -1)), "the last contact on the last page");
            assertEquals("99976", firstCell(bob, 0), "the last page's first contact");
            bob.click(By.cssSelector("#records\\:rows .ui-paginator-prev"));
            bob.waitUntil(10, () -> "99975".equals(firstCell(bob, -1)), "the page before the last");
            assertEquals("99951", firstCell(bob, 0));

            bob.click(By.id("export"));
            assertEquals("contacts-" + LocalDate.now(ZoneOffset.UTC), bob.value(By.id("export-form:file-name")),
                    "a sensible default name");
            bob.type(By.id("export-form:file-name"), name);
            bob.click(By.id("export-form:start-export"));

            // The click starts a navigation; the browser reports the new address once it has loaded.
            bob.waitUntil(10, () -> bob.url().contains("exports.xhtml"), "the export log after starting the export");
            By link = By.linkText(fileName);
            bob.waitUntil(30, () -> bob.isShown(link), "the completed export's name becomes a download link");
            bob.click(link);
            Path file = bob.downloaded(fileName);
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("Contact ID,First name,"));
        }
        try (Browser alice = new Browser()) {
            alice.open(APP + "exports.xhtml");
            alice.signInOnKeycloak("alice");
            alice.type(By.id("log:filter-user"), "bob");
            alice.click(By.id("log:search"));
            alice.waitUntil(10, () -> alice.isShown(By.linkText(fileName)), "bob's export in alice's log");
            // the log as filtered, downloaded as CSV by the link beside the filters: bob's exports only
            alice.waitUntil(10, () -> alice.all(By.cssSelector("#log\\:download-csv a")).get(0).getAttribute("href").endsWith("/api/v1/exports/csv?user=bob"),
                    "the download link carries the filter");
            alice.click(By.id("log:download-csv"));
            List<List<String>> logged = Csv.parse(Files.readString(alice.downloadedMatching("export-log-[0-9-]+\\.csv"),
                    StandardCharsets.UTF_8));
            assertEquals("Name", logged.get(0).get(1), "the header row");
            assertTrue(logged.stream().anyMatch(row -> row.get(1).equals(fileName)), "bob's export is listed");
            assertTrue(logged.subList(1, logged.size()).stream().allMatch(row -> row.get(5).equals("bob")), "only bob's");
            // A newer export of bob's now heads the log on the server, before alice's page refreshes:
            // the link must still name the export its row showed, not the row's index.
            Api.as("bob").awaitEnd(Api.as("bob").start("contacts", "CSV"));
            alice.waitUntil(10, () -> {
                alice.rowOf(fileName).findElement(By.linkText("View history")).click();
                return true;
            }, "View history");
            alice.waitUntil(10, () -> alice.isShown(By.cssSelector("#downloads .ea-ip")), "the history dialog");
            assertEquals(fileName, alice.text(By.cssSelector("#history .ea-history-of")), "the history of the export clicked");
            assertEquals("bob", alice.text(By.cssSelector("#downloads tbody tr td")));
            assertEquals("127.0.0.1", alice.text(By.cssSelector("#downloads .ea-ip")));
        }
    }

    @Test
    void a_super_admin_follows_a_running_export_and_cancels_it() throws Exception {
        try (Browser alice = new Browser()) {
            alice.open(APP + "exports.xhtml");
            alice.signInOnKeycloak("alice");
            alice.text(By.id("log:exports"));

            try (LastingExport running = LastingExport.started("running")) {
                alice.waitUntil(20, () -> alice.rowOf(running.name()).findElements(By.cssSelector(".ui-progressbar")).size() == 1,
                        "the running export shows Processing with its progress");
                alice.screenshot(SCREENSHOTS.resolve("export-log.png"));
                alice.rowOf(running.name()).findElement(By.linkText("Cancel export")).click();
                alice.waitUntil(10, () -> alice.isShown(By.id("log:confirm-yes")), "the confirmation of the cancel");
                // The confirmation names the export it cancels
                String question = alice.text(By.cssSelector(".ui-confirm-dialog-message"));
                assertEquals("Cancel " + running.name() + "? Its partial file is deleted.", question);
                String name = running.name();
                alice.click(By.id("log:confirm-yes"));

                alice.waitUntil(20, () -> alice.rowOf(name).getText().contains("Cancelled"), "the export shows Cancelled");
                assertTrue(alice.rowOf(name).findElements(By.tagName("a")).stream()
                        .noneMatch(a -> a.getText().equals(name)), "a cancelled export's name is not a link");
            }
        }
    }

    @Test
    void a_super_admin_saves_a_threshold_and_an_out_of_range_one_is_refused_next_to_the_field() throws Exception {
        try (Browser alice = new Browser()) {
            alice.open(APP + "exports.xhtml");
            alice.signInOnKeycloak("alice");
            alice.click(By.id("nav-settings"));

            alice.type(By.id("settings:threshold"), "275001");
            alice.click(By.id("settings:save"));
            alice.waitUntil(10, () -> alice.text(By.id("settings:threshold-message")).contains("1 to 275,000"),
                    "the validation message next to the field, naming the range");
            alice.screenshot(SCREENSHOTS.resolve("settings.png"));

            alice.type(By.id("settings:threshold"), "5000");
            alice.click(By.id("settings:save"));
            alice.waitUntil(10, () -> alice.isShown(By.cssSelector("#settings\\:saved .ui-messages-info")), "saved");
            assertEquals(5000, Api.json(Api.as("alice").get("settings/large-export-threshold")).getInt("threshold"));
        }
    }

    @Test
    void an_exporter_sees_neither_other_exporters_exports_nor_the_settings() throws Exception {
        long erins = Api.as("erin").start("companies", "CSV");
        Api.as("erin").awaitEnd(erins);
        try (Browser bob = new Browser()) {
            bob.open(APP + "exports.xhtml");
            bob.signInOnKeycloak("bob");
            bob.text(By.id("log:exports"));

            assertTrue(bob.all(By.cssSelector("#log\\:exports tbody tr")).stream()
                    .noneMatch(row -> row.getText().contains("erin")), "no export of erin's");
            assertFalse(bob.isShown(By.id("nav-settings")), "no settings icon");
            bob.open(APP + "settings.xhtml");
            assertEquals("No access", bob.text(By.id("no-access")));
        }
    }

    /** The id in the first cell of a row of the records page ({@code -1}: the last row), or null. */
    private static String firstCell(Browser browser, int row) {
        List<org.openqa.selenium.WebElement> rows = browser.all(By.cssSelector("#records\\:rows tbody tr"));
        if (rows.isEmpty()) {
            return null;
        }
        return rows.get(row < 0 ? rows.size() + row : row).findElement(By.tagName("td")).getText().strip();
    }
}
