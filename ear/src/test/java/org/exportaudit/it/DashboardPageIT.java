package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard in headless Chromium: alice opens it from the navigation and sees both charts
 * drawn (Chart.js holds a chart on each canvas, named for screen readers), the counts the API gives,
 * and the month's top exporters as a table too; bob, an exporter, has no Dashboard in his
 * navigation and no access to the page. A screenshot for the README is taken on the way
 * (docs/screenshots/dashboard.png).
 */
@DeployedOnce
class DashboardPageIT {

    private static final String APP = DemoRealm.APP.toString();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("export-audit.screenshots",
            "../docs/screenshots"));
    /** Whether Chart.js drew a chart on the canvas of that p:chart. */
    private static final String DRAWN = "var canvas = document.getElementById(arguments[0] + '_canvas');"
            + " return canvas != null && window.Chart != null && Chart.getChart(canvas) != null && canvas.width > 0;";

    @Test
    void alice_sees_the_charts_drawn_and_the_counts() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        bob.awaitEnd(bob.start("companies", "CSV"));
        bob.awaitEnd(bob.start("deals", "CSV"));
        Api.as("erin").awaitEnd(Api.as("erin").start("contacts", "CSV"));
        // Exports that earlier test classes started may still be completing: the API's figures and the
        // page's are compared once none is (CI saw bob's top figure grow between the two reads).
        Poll.untilTrue(Duration.ofMinutes(2), Duration.ofMillis(200),
                () -> Api.json(alice.get("exports?status=PROCESSING&limit=1")).getJsonArray("items").isEmpty(),
                () -> "exports of earlier tests still processing");
        JsonObject dashboard = Api.json(alice.get("dashboard"));
        JsonObject counts = dashboard.getJsonObject("counts");
        NumberFormat english = NumberFormat.getIntegerInstance(Locale.ENGLISH);

        try (Browser browser = new Browser()) {
            browser.open(APP + "exports.xhtml");
            browser.signInOnKeycloak("alice");
            browser.click(By.id("nav-dashboard"));
            browser.waitUntil(10, () -> browser.text(By.tagName("h1")).equals("Dashboard"), "the dashboard, from the navigation");

            browser.waitUntil(10, () -> Boolean.TRUE.equals(browser.script(DRAWN, "daily-chart")), "the daily chart drawn");
            browser.waitUntil(10, () -> Boolean.TRUE.equals(browser.script(DRAWN, "top-chart")), "the top exporters drawn");
            assertTrue(browser.all(By.cssSelector("#daily-chart canvas[role='img']")).get(0).getAttribute("aria-label")
                    .startsWith("Stacked bar chart: records of completed exports per day"), "the chart's accessible name");
            // the demo's three sources and the test server's own (it-sources.json)
            assertEquals(dashboard.getJsonArray("sources").size() + (dashboard.isNull("threshold") ? 0 : 1), ((Number) browser.script(
                    "return Chart.getChart(document.getElementById('daily-chart_canvas')).data.datasets.length;")).longValue(),
                    "a bar per source, and alice's threshold line when she has one");

            assertEquals(english.format(counts.getJsonNumber("cancelled").longValue()), browser.text(By.id("count-cancelled")));
            assertEquals(english.format(counts.getJsonNumber("failed").longValue()), browser.text(By.id("count-failed")));
            if (!counts.isNull("large")) {
                assertEquals(english.format(counts.getJsonNumber("large").longValue()), browser.text(By.id("count-large")));
            }
            String top = browser.text(By.id("top-table"));
            JsonObject first = dashboard.getJsonObject("topExporters").getJsonArray("items").getJsonObject(0);
            assertTrue(top.contains(first.getString("user") + " " + english.format(first.getJsonNumber("records").longValue())),
                    top);
            assertTrue(top.contains("bob") && top.contains("erin"), top);
            browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));

            browser.click(By.cssSelector("#daily-details summary"));
            String days = browser.text(By.id("daily-table"));
            assertTrue(days.contains(dashboard.getString("to")), "today, with the test's exports: " + days);
        }
    }

    @Test
    void bob_has_no_dashboard_in_his_navigation_and_no_access_to_the_page() throws Exception {
        try (Browser bob = new Browser()) {
            bob.open(APP + "exports.xhtml");
            bob.signInOnKeycloak("bob");
            bob.text(By.id("log:exports"));
            assertFalse(bob.isShown(By.id("nav-dashboard")), "no Dashboard in bob's navigation");

            bob.open(APP + "dashboard.xhtml");

            assertEquals("No access", bob.text(By.id("no-access")));
            assertFalse(bob.source().contains("daily-chart"));
        }
    }
}
