package org.exportaudit.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver: a person at a browser, signing in
 * on Keycloak's real login page.
 */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;

    Browser() throws java.io.IOException {
        this("en-US", null);
    }

    /**
     * A browser whose person reads {@code language} first (its Accept-Language) and lives in
     * {@code zone} (an IANA zone for the browser's clock; null for the machine's).
     */
    Browser(String language, String zone) throws java.io.IOException {
        profile = Files.createTempDirectory("export-audit-chromium");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions()
                .setExperimentalOption("prefs", java.util.Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "intl.accept_languages", language))
                .setBinary("/usr/bin/chromium")
                // As root on a closed network: no sandbox, and no calls home that would be refused.
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--window-size=1280,900", "--lang=" + language, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        if (zone != null) { // the zone the page's scripts see (Intl), as a browser there has it
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone));
        }
        driver = chrome;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Fills Keycloak's login form, which the browser must be showing. */
    void signInOnKeycloak(String user) {
        await(By.id("kc-form-login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
    }

    /**
     * Enters the password again on Keycloak's login form, for a step-up: the form may already name
     * the user (login_hint), so the name is typed over rather than added to.
     */
    void signInAgainOnKeycloak(String user) {
        await(By.id("kc-form-login"));
        type(By.id("username"), user);
        type(By.id("password"), user);
        driver.findElement(By.id("kc-login")).click();
    }

    String text(By element) {
        return await(element).getText();
    }

    void click(By element) {
        await(element).click();
    }

    /**
     * The serious and critical violations of the WCAG 2.1 A and AA rules that axe-core finds on the
     * page as it is now, one line each: rule, impact, the elements, what to fix.
     */
    java.util.List<String> accessibilityProblems() {
        return new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(5).map(node -> node.getTarget() + " "
                                + node.getHtml().substring(0, Math.min(120, node.getHtml().length())) + " — "
                                + node.getFailureSummary()).toList())
                .toList();
    }

    /** Presses keys in whatever has the focus, as a keyboard user would. */
    void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /** Runs a script in the page and returns its result. */
    Object script(String javascript) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript);
    }

    /** An attribute of an element, once it is there. */
    String attribute(By element, String name) {
        return await(element).getAttribute(name);
    }

    /** Sets a cookie of the page's site, as any page on the same host name could. */
    void setCookie(String name, String value) {
        driver.manage().addCookie(new org.openqa.selenium.Cookie(name, value, "/"));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    void type(By field, String text) {
        org.openqa.selenium.WebElement input = await(field);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Picks the option with that label in a PrimeFaces select menu (a styled list over a hidden
     * select, drawn when it opens); opens it again if a click came before its script was ready.
     */
    void choose(String menuId, String label) {
        By option = By.xpath("//*[@id='" + menuId + "_items']//li[@data-label='" + label + "']");
        waitUntil(20, () -> {
            if (!isShown(option)) {
                driver.findElement(By.id(menuId)).click();
            }
            if (isShown(option)) {
                driver.findElement(option).click();
            }
            return label.equals(driver.findElement(By.id(menuId + "_label")).getText());
        }, "'" + label + "' chosen in " + menuId);
    }

    /** Whether the element shows a link with that text (hidden links, as the log keeps in every row, do not count). */
    static boolean showsLink(org.openqa.selenium.WebElement element, String text) {
        return element.findElements(By.tagName("a")).stream()
                .anyMatch(link -> link.isDisplayed() && link.getText().equals(text));
    }

    /** The value of a cookie that the browser holds for the page it shows (the session's, say); null if none. */
    String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The page as the browser has it now, for failure messages. */
    String source() {
        return driver.getPageSource();
    }

    String value(By field) {
        return await(field).getAttribute("value");
    }

    /** The export log's row of the export with that file name, on the page held still (see {@link #holdStill}). */
    org.openqa.selenium.WebElement rowOf(String fileName) {
        holdStill();
        return driver.findElements(By.cssSelector("#log\\:exports tbody tr")).stream()
                .filter(row -> row.getText().startsWith(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + fileName));
    }

    boolean isShown(By element) {
        return !driver.findElements(element).isEmpty() && driver.findElement(element).isDisplayed();
    }

    /** Waits up to {@code seconds} until the condition holds, for pages that update themselves. */
    void waitUntil(int seconds, java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage(() -> what + "; the browser shows "
                        + driver.getCurrentUrl() + ":\n" + driver.getPageSource())
                .until(ignored -> {
                    goOn();
                    try {
                        return condition.getAsBoolean();
                    } catch (RuntimeException | AssertionError notYet) {
                        return false; // the page is updating itself: look again
                    }
                });
    }

    /** The elements, on the page held still (see {@link #holdStill}). */
    java.util.List<org.openqa.selenium.WebElement> all(By elements) {
        holdStill();
        return driver.findElements(elements);
    }

    /**
     * The export log and the bell redraw themselves whenever anything changes (live.js): while the
     * test reads what the page shows, the redraws wait, and one already under way lands first, so
     * that no element read is replaced under the test. {@link #waitUntil} lets them go on again.
     */
    private void holdStill() {
        try {
            script("if (window.ExportAuditLive) { ExportAuditLive.hold(); }");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ignored ->
                    Boolean.TRUE.equals(script("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
        } catch (org.openqa.selenium.WebDriverException pageChanging) {
            // a page on its way in: nothing of it is held yet
        }
    }

    private void goOn() {
        try {
            script("if (window.ExportAuditLive) { ExportAuditLive.release(); }");
        } catch (org.openqa.selenium.WebDriverException pageChanging) {
            // a new page redraws by itself
        }
    }

    /** Waits for a downloaded file of that name in the browser's download folder. */
    Path downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        waitUntil(20, () -> Files.exists(file), "download of " + fileName);
        return file;
    }

    /** Waits for a downloaded file whose name matches {@code pattern} (a name the server chose). */
    Path downloadedMatching(String pattern) {
        Path[] found = new Path[1];
        waitUntil(20, () -> {
            try (var files = Files.list(downloads)) {
                found[0] = files.filter(file -> file.getFileName().toString().matches(pattern)).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return found[0] != null;
        }, "a download named like " + pattern);
        return found[0];
    }

    /** Scrolls the page back to its top, so that a screenshot shows the page's head. */
    void scrollToTop() {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    }

    /** Runs a script in the page and answers what it returns (a chart's state, say). */
    Object script(String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A screenshot of what the browser shows, for the README. */
    void screenshot(Path target) throws java.io.IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
    }

    private org.openqa.selenium.WebElement await(By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    @Override
    public void close() throws java.io.IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
