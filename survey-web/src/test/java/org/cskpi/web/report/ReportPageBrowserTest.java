package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.cskpi.store.Store;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.MutableClock;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A manager's journey in headless Chromium against the whole app (WebApp.create, its real CSP):
 * sign in, land on the report, every chart drawn by cskpi-report.js from the app's own ECharts,
 * no console errors (a CSP violation or a failed script load would be one), then the week picker
 * without JavaScript help. Skipped where Debian's chromium/chromedriver are missing.
 */
class ReportPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void a_manager_signs_in_and_sees_every_chart_drawn_under_the_apps_csp() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium not installed");
        try (Store store = TestWeb.store()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
            new UserService(store.dsl(), TestApp.FAST_HASHER, clock).add("manager1", Role.MANAGER, TestApp.PASSWORD);
            ReportStoreRows.fill(store.dsl());
            Javalin app = WebApp.create(WebDeps.of(TestWeb.config(1000), store, clock).withHasher(TestApp.FAST_HASHER))
                    .start("127.0.0.1", 0);
            WebDriver browser = chrome();
            try {
                browser.get("http://localhost:" + app.port() + "/");
                assertThat(browser.getCurrentUrl()).contains("/login?next=%2F");
                browser.findElement(By.id("username")).sendKeys("manager1");
                browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
                browser.findElement(By.cssSelector("form button")).click();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tiles")));
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2026-W47");

                List<WebElement> charts = browser.findElements(By.cssSelector(".chart"));
                assertThat(charts).hasSizeGreaterThan(5);
                wait.until(d -> d.findElements(By.cssSelector(".chart[data-chart-state=drawn]")).size() == charts.size());
                for (WebElement chart : charts) {
                    assertThat(chart.findElements(By.cssSelector("svg"))).as(chart.getAttribute("id")).isNotEmpty();
                }
                Path shots = Files.createDirectories(Path.of("target", "browser"));
                Files.write(shots.resolve("report-page-test.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

                // the picker is a plain GET form: choose a week and submit
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("week"))).selectByValue("2026-W46");
                browser.findElement(By.cssSelector(".picker button")).click();
                wait.until(ExpectedConditions.urlContains("/reports/2026-W46"));
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2026-W46");

                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
                List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertThat(errors).isEmpty();
            } finally {
                browser.quit();
                app.stop();
            }
        }
    }

    private static WebDriver chrome() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=390,844");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
