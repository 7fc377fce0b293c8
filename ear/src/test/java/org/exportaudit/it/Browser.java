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

    Browser() throws java.io.IOException {
        profile = Files.createTempDirectory("export-audit-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                // As root on a closed network: no sandbox, and no calls home that would be refused.
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
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

    String text(By element) {
        return await(element).getText();
    }

    void click(By element) {
        await(element).click();
    }

    String url() {
        return driver.getCurrentUrl();
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
