package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The analyst's journey in headless Chromium at phone width, under the app's strict CSP:
 * sign in, run a query, see the result table and the table list, with no console errors
 * (a CSP violation would be one). Skipped where Debian's chromium/chromedriver are missing.
 */
class QueryPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void an_analyst_signs_in_and_runs_a_query_on_a_phone() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium not installed");
        try (TestApp t = new TestApp()) {
            t.app.start(0);
            WebDriver browser = chrome();
            try {
                String origin = "http://localhost:" + t.app.port();
                browser.get(origin + "/query");
                assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fquery");
                browser.findElement(By.id("username")).sendKeys("analyst1");
                browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
                browser.findElement(By.cssSelector("form button")).click();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sql")));

                WebElement sql = browser.findElement(By.id("sql"));
                sql.clear();
                sql.sendKeys("SELECT x AS n, 'row ' || x AS label FROM SYSTEM_RANGE(1, 3) ORDER BY x");
                browser.findElement(By.cssSelector(".buttons button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.result")));

                List<String> cells = browser.findElements(By.cssSelector("table.result td")).stream()
                        .map(WebElement::getText).toList();
                assertThat(cells).containsExactly("1", "row 1", "2", "row 2", "3", "row 3");
                assertThat(browser.findElements(By.cssSelector(".tables summary")).stream().map(WebElement::getText))
                        .contains("kpi_weekly", "survey_responses");
                // the stylesheet applied (served from /assets/cskpi/, allowed by default-src 'self')
                assertThat(browser.findElement(By.cssSelector("header.top")).getCssValue("display")).isEqualTo("flex");
                // phone width: no sideways scrolling of the page itself
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
                List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertThat(errors).isEmpty();
            } finally {
                browser.quit();
                t.app.stop();
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
