package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.reports.html.ScriptMode;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
            ReportStoreRows.fill(store.dsl());
            Javalin app = start(store);
            WebDriver browser = chrome();
            try {
                browser.get("http://localhost:" + app.port() + "/");
                assertThat(browser.getCurrentUrl()).contains("/login?next=%2F");
                signIn(browser);
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

    /**
     * Hovers a heatmap cell and the NPS trend, on the web page at phone width under the app's CSP
     * and in the offline file at desktop width, and reads the tooltips: ECharts' own tooltip HTML
     * was refused by {@code style-src 'self'} (a console error on every hover) and said "1120" and
     * "band low4.1".
     */
    @Test
    void tooltips_read_as_sentences_on_the_web_page_and_in_the_offline_file() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium not installed");
        try (Store store = TestWeb.store()) {
            ReportStoreRows.fill(store.dsl());
            ReportStoreRows.hoverable(store.dsl());
            Javalin app = start(store);
            Files.createDirectories(Path.of("target", "browser"));
            WebDriver browser = chrome(360, 800);
            try {
                browser.get("http://localhost:" + app.port() + "/login?next=%2Freports%2F2026-W47");
                signIn(browser);
                assertTooltips(browser, "tooltip-page-360.png");
            } finally {
                browser.quit();
                app.stop();
            }

            WeeklyReport report = ReportBuilder.build(store.dsl(), TestWeb.config(1000), IsoWeek.parse("2026-W47"),
                    Filters.none());
            Path file = Path.of("target", "browser", "tooltip-report.html");
            Files.writeString(file, HtmlReport.page(report, ScriptMode.inline()));
            browser = chrome(1366, 900);
            try {
                browser.get(file.toUri().toString());
                assertTooltips(browser, "tooltip-file-1366.png");
            } finally {
                browser.quit();
            }
        }
    }

    /** Hovers and reads both tooltips; a screenshot with the second one open goes to target/browser/{@code shot}. */
    private static void assertTooltips(WebDriver browser, String shot) throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector(".chart")).size()
                == d.findElements(By.cssSelector(".chart[data-chart-state=drawn]")).size());

        // the heatmap's cell at hour 11 (x) of Tuesday (y = 1)
        assertThat(hover(browser, "chart-busiest-hours", "{seriesIndex: 0}", "[11, 1]"))
                .isEqualTo("Tue 11:00\u201312:00 \u00b7 20 tickets");
        // the NPS line (series 2) at the report's week, the last on the axis
        assertThat(hover(browser, "chart-nps-trend", "{seriesIndex: 2}",
                "[chart.getOption().xAxis[0].data.length - 1, 11.5]"))
                .isEqualTo("2026-W47\nNPS +11.5 \u00b1 7.4 (n = 89)");
        Files.write(Path.of("target", "browser", shot), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors, CSP violations among them").isEmpty();
    }

    /**
     * Moves the mouse onto the point {@code value} of the chart {@code id} (ECharts converts it to
     * pixels) and returns the text of the tooltip that appears.
     */
    private static String hover(WebDriver browser, String id, String finder, String value) {
        WebElement chart = browser.findElement(By.id(id));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js.executeScript("var chart = echarts.getInstanceByDom(arguments[0]);"
                + "return chart.convertToPixel(" + finder + ", " + value + ");", chart);
        Dimension size = chart.getSize();
        new Actions(browser).moveToElement(chart, at.get(0).intValue() - size.getWidth() / 2,
                at.get(1).intValue() - size.getHeight() / 2).perform();
        WebElement tooltip = new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " .cskpi-tip")));
        return tooltip.getText();
    }

    /** The whole app on {@code store} with one manager, "manager1". */
    private static Javalin start(Store store) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        new UserService(store.dsl(), TestApp.FAST_HASHER, clock).add("manager1", Role.MANAGER, TestApp.PASSWORD);
        return WebApp.create(WebDeps.of(TestWeb.config(1000), store, clock).withHasher(TestApp.FAST_HASHER))
                .start("127.0.0.1", 0);
    }

    /** Fills and sends the sign-in form the browser is on. */
    private static void signIn(WebDriver browser) {
        browser.findElement(By.id("username")).sendKeys("manager1");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("form button")).click();
    }

    private static WebDriver chrome() {
        return chrome(390, 844);
    }

    private static WebDriver chrome(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
