package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Every page passes axe-core's WCAG 2.1 A and AA rules with no serious or critical violation, in both
 * languages, with its dialogs and the bell's overlay open too; and the cancel flow works from the
 * keyboard alone, the focus back on the export's row after the confirmation.
 */
@DeployedOnce
class AccessibilityIT {

    private static final String APP = DemoRealm.APP.toString();
    private static final List<String> SUPER_ADMIN_PAGES = List.of("", "exports.xhtml", "settings.xhtml",
            "policies.xhtml", "audit.xhtml", "dashboard.xhtml", "sources/contacts");

    @Test
    void every_page_of_a_super_admin_passes_axe_in_english_and_swedish() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en-US", "sv")) {
            try (Browser alice = new Browser(language, null)) {
                alice.open(APP);
                alice.signInOnKeycloak("alice");
                for (String page : SUPER_ADMIN_PAGES) {
                    alice.open(APP + page);
                    alice.text(By.cssSelector("main"));
                    alice.accessibilityProblems().forEach(problem -> problems.add(language + " /" + page + ": " + problem));
                }
                alice.open(APP + "sources/contacts");
                alice.click(By.id("export"));
                alice.waitUntil(10, () -> alice.isShown(By.id("export-form:start-export")), "the export dialog open");
                alice.accessibilityProblems().forEach(problem -> problems.add(language + " export dialog: " + problem));
                alice.open(APP + "exports.xhtml");
                alice.click(By.id("bell:bell"));
                alice.waitUntil(10, () -> alice.isShown(By.cssSelector(".ea-notices")), "the bell's notices open");
                alice.accessibilityProblems().forEach(problem -> problems.add(language + " bell: " + problem));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_pages_of_an_exporter_and_of_a_user_without_access_pass_axe() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser bob = new Browser()) {
            bob.open(APP);
            bob.signInOnKeycloak("bob");
            for (String page : List.of("", "exports.xhtml", "sources/deals")) {
                bob.open(APP + page);
                bob.text(By.cssSelector("main"));
                bob.accessibilityProblems().forEach(problem -> problems.add("bob /" + page + ": " + problem));
            }
        }
        try (Browser carl = new Browser()) {
            carl.open(APP);
            carl.signInOnKeycloak("carl");
            carl.text(By.id("no-access"));
            carl.accessibilityProblems().forEach(problem -> problems.add("carl no access: " + problem));
            carl.click(By.id("sign-out"));
            carl.text(By.id("signed-out"));
            carl.accessibilityProblems().forEach(problem -> problems.add("signed out: " + problem));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void a_super_admin_cancels_an_export_with_the_keyboard_alone() throws Exception {
        try (Browser alice = new Browser()) {
            alice.open(APP + "exports.xhtml");
            alice.signInOnKeycloak("alice");
            alice.text(By.id("log:exports"));
            try (LastingExport running = LastingExport.started("keys")) {
                String row = Long.toString(running.id());
                alice.waitUntil(20, () -> alice.rowOf(running.name()).getText().contains("Processing"), "the running export in the log");
                // From the log's Filter button, Tab until the running export's cancel link has the focus, as a
                // keyboard user moves down the table (past the cancel links of any other export still running)
                alice.script("document.getElementById('log:search').focus();");
                // The link and its row are read in one script: the live log may redraw the table between two
                // scripts (it puts the focus back on the same row's link, which the end of this test checks)
                String reachedRow = "var active = document.activeElement, row = active && active.closest('tr');"
                        + " return active && active.textContent.trim() === 'Cancel export' && row"
                        + " && row.querySelector('[data-export]') ? row.querySelector('[data-export]').getAttribute('data-export') : null;";
                boolean reached = false;
                for (int presses = 0; presses < 300 && !reached; presses++) {
                    alice.press(Keys.TAB);
                    reached = row.equals(alice.script(reachedRow));
                }
                assertTrue(reached, "the running export's cancel link reached with the Tab key");
                alice.press(Keys.ENTER);
                alice.waitUntil(10, () -> alice.isShown(By.id("log:confirm-yes")), "the confirmation");
                assertEquals("log:confirm-yes", alice.script("return document.activeElement.id;"),
                        "the confirmation's answer has the focus");
                alice.press(Keys.ENTER);

                alice.waitUntil(20, () -> alice.script("return document.querySelector('[data-export=\"" + row + "\"]').closest('tr').textContent")
                        .toString().contains("Cancelled"), "the export cancelled");
                assertEquals("CANCELLED", Api.json(Api.as("bob").get("exports/" + row)).getString("status"));
                // The table was redrawn under the focus: it is back on the export's row, not on the row of the same index
                String focused = "var active = document.activeElement, row = active && active.closest('tr');"
                        + " return row && row.querySelector('[data-export]') ? row.querySelector('[data-export]').getAttribute('data-export')"
                        + " : (active ? active.tagName + '#' + active.id + '.' + active.className : 'nothing');";
                Object[] seen = new Object[1];
                try {
                    alice.waitUntil(10, () -> row.equals(seen[0] = alice.script(focused)), "the focus back on the row");
                } catch (org.openqa.selenium.TimeoutException elsewhere) {
                    throw new AssertionError("the focus is not back on export " + row + "'s row but on " + seen[0]);
                }
            }
        }
    }
}
