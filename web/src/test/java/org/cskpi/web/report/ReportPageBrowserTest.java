package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.config.TicketUrl;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.reports.html.ScriptMode;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.reports.testing.ReportCharts;
import org.cskpi.reports.testing.Viewport;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A manager's journey in headless Chromium against the whole app (WebApp.create, its real CSP):
 * sign in, land on the report, every chart drawn by cskpi-report.js from the app's own ECharts,
 * no console errors (a CSP violation or a failed script load would be one), then the week picker
 * without JavaScript help, on a 360 px phone.
 */
@ExtendWith(ChromiumExtension.class)
class ReportPageBrowserTest {

    @Test
    void a_manager_signs_in_and_sees_every_chart_drawn_under_the_apps_csp(Chromium chromium) throws Exception {
        try (Store store = TestWeb.store()) {
            ReportStoreRows.fill(store.dsl());
            Javalin app = start(store);
            ChromeDriver browser = chromium.atPhoneWidth().driver();
            try {
                browser.get("http://localhost:" + app.port() + "/");
                assertThat(browser.getCurrentUrl()).contains("/login?next=%2F");
                signIn(browser);
                chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tiles")));
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2026-W47");

                List<WebElement> charts = browser.findElements(By.cssSelector(".chart"));
                assertThat(charts).hasSizeGreaterThan(5);
                chromium.await(d -> d.findElements(By.cssSelector(".chart[data-chart-state=drawn]")).size() == charts.size());
                for (WebElement chart : charts) {
                    assertThat(chart.findElements(By.cssSelector("svg"))).as(chart.getAttribute("id")).isNotEmpty();
                }
                chromium.screenshot("report-page");

                // the picker is a plain GET form: choose a week and submit
                new Select(browser.findElement(By.id("week"))).selectByValue("2026-W46");
                browser.findElement(By.cssSelector(".picker button")).click();
                chromium.await(ExpectedConditions.urlContains("/reports/2026-W46"));
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2026-W46");

                assertThat(chromium.sidewaysOverflow()).isZero();
                assertThat(chromium.takeProblems()).isEmpty();
            } finally {
                app.stop();
            }
        }
    }

    /**
     * The detractor comments' filter is a plain GET form: choose a ticket channel, send, and the
     * page comes back at the comments with only that channel's; ticket ids link to the help desk.
     */
    @Test
    void a_manager_filters_the_detractor_comments_by_channel_and_follows_a_ticket_link(Chromium chromium)
            throws Exception {
        onWeek47WithComments(chromium, browser -> {
            assertThat(browser.findElement(By.cssSelector(".as-of")).getText())
                    .isEqualTo("Data as of Thu 26 Nov 2026 13:05 \u00b7 analysed Fri 27 Nov 2026 01:10");
            assertThat(browser.findElement(By.linkText("4711")).getAttribute("href"))
                    .isEqualTo("https://acme.zendesk.com/agent/tickets/4711");
            assertThat(comments(browser)).hasSize(3);

            new Select(browser.findElement(By.id("comments_channel"))).selectByValue("email");
            browser.findElement(By.cssSelector(".comment-filter button")).click();
            chromium.await(ExpectedConditions.urlContains("comments_channel=email"));
            assertThat(browser.getCurrentUrl()).endsWith("/reports/2026-W47?comments_channel=email&comments_category="
                    + "#detractor-comments");
            assertThat(comments(browser)).containsExactly("Parcel lost twice");
            assertThat(new Select(browser.findElement(By.id("comments_channel"))).getFirstSelectedOption().getText())
                    .isEqualTo("email");
            chromium.atPhoneWidth();
            assertThat(chromium.sidewaysOverflow()).isZero();
            chromium.screenshot("report-comments-filtered");
            assertThat(chromium.takeProblems()).isEmpty();
        });
    }

    /**
     * Print -> PDF: the print style sheet hides the app's frame and every control, and the page
     * prints on A4 (what a manager's browser does with "Save as PDF").
     */
    @Test
    void the_report_prints_on_a4_without_the_apps_frame_or_controls(Chromium chromium) throws Exception {
        onWeek47WithComments(chromium, browser -> {
            chromium.await(ReportCharts::allDrawn);
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            for (String hidden : List.of("header.top", "footer.bottom", ".picker", "nav.weeks", "a.csv",
                    ".comment-filter")) {
                assertThat(browser.findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden).isFalse();
            }
            assertThat(browser.findElement(By.cssSelector(".tiles")).isDisplayed()).isTrue();
            // each chart's drawing scales to the paper's width: its SVG has a viewBox
            assertThat(browser.findElements(By.cssSelector(".chart svg[viewBox]")))
                    .hasSameSizeAs(browser.findElements(By.cssSelector(".chart")));
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
                    Map.of("preferCSSPageSize", true, "printBackground", true));
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
            Path file = Files.createDirectories(Path.of("target", "screenshots", "ReportPageBrowserTest"))
                    .resolve("report-print.pdf");
            Files.write(file, bytes);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            // A4 is 595.28 x 841.89 pt; Chromium writes the size it printed each page at
            Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(text);
            assertThat(box.find()).as("a page size in the PDF").isTrue();
            assertThat(Double.parseDouble(box.group(1))).isCloseTo(595.3, within(1.0));
            assertThat(Double.parseDouble(box.group(2))).isCloseTo(841.9, within(1.0));
            assertThat(chromium.takeProblems()).isEmpty();
        });
    }

    /** What a step in a signed-in browser does; it may throw. */
    private interface BrowserStep {
        void run(ChromeDriver browser) throws Exception;
    }

    /**
     * Runs {@code step} in the whole app on a store whose W47 an analyze run published, with
     * detractor comments, a manager signed in on W47's page.
     */
    private static void onWeek47WithComments(Chromium chromium, BrowserStep step) throws Exception {
        try (Store store = TestWeb.store()) {
            ReportStoreRows.fill(store.dsl());
            ReportStoreRows.publishedWithComments(store.dsl());
            Javalin app = start(store);
            try {
                chromium.open("http://localhost:" + app.port() + "/login?next=%2Freports%2F2026-W47");
                signIn(chromium.driver());
                chromium.await(ExpectedConditions.urlContains("/reports/2026-W47"));
                step.run(chromium.driver());
            } finally {
                app.stop();
            }
        }
    }

    private static List<String> comments(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#detractor-comments blockquote")).stream()
                .map(WebElement::getText).toList();
    }

    /**
     * Hovers a heatmap cell and the NPS trend, on the web page under the app's CSP and in the
     * offline file, each at phone and at desktop width, and reads the tooltips: ECharts' own
     * tooltip HTML was refused by {@code style-src 'self'} (a console error on every hover) and
     * said "1120" and "band low4.1".
     */
    @Test
    void tooltips_read_as_sentences_on_the_web_page_and_in_the_offline_file(Chromium chromium) throws Exception {
        try (Store store = TestWeb.store()) {
            ReportStoreRows.fill(store.dsl());
            ReportStoreRows.hoverable(store.dsl());
            Javalin app = start(store);
            try {
                String page = "http://localhost:" + app.port() + "/reports/2026-W47";
                chromium.open("http://localhost:" + app.port() + "/login?next=%2Freports%2F2026-W47");
                signIn(chromium.driver());
                chromium.await(ExpectedConditions.urlContains("/reports/2026-W47"));
                for (Viewport viewport : List.of(Viewport.PHONE, Viewport.DESKTOP)) {
                    chromium.at(viewport).open(page);
                    assertTooltips(chromium, "tooltip-page");
                }
            } finally {
                app.stop();
            }

            WeeklyReport report = ReportBuilder.build(store.dsl(), TestWeb.config(1000), IsoWeek.parse("2026-W47"),
                    Filters.none());
            Path file = Files.createDirectories(Path.of("target", "browser")).resolve("tooltip-report.html");
            Files.writeString(file, HtmlReport.page(report, ScriptMode.inline()));
            for (Viewport viewport : List.of(Viewport.PHONE, Viewport.DESKTOP)) {
                chromium.at(viewport).open(file.toUri().toString());
                assertTooltips(chromium, "tooltip-file");
            }
        }
    }

    /** Hovers and reads both tooltips; a screenshot with the second one open is saved as {@code shot}. */
    private static void assertTooltips(Chromium chromium, String shot) throws IOException {
        chromium.await(ReportCharts::allDrawn);

        // the heatmap's cell at hour 11 (x) of Tuesday (y = 1)
        assertThat(hover(chromium.driver(), "chart-busiest-hours", "{seriesIndex: 0}", "[11, 1]", 0))
                .isEqualTo("Tue 11:00\u201312:00 \u00b7 20 tickets");
        // the last cell of the row, at the chart's right edge: the tooltip stays inside the chart
        // (confine), so the page does not scroll sideways while it shows (it reached 415 px at 360)
        assertThat(hover(chromium.driver(), "chart-busiest-hours", "{seriesIndex: 0}", "[23, 6]", 0))
                .isEqualTo("Sun 23:00\u201324:00 \u00b7 0 tickets");
        assertThat(chromium.sidewaysOverflow()).as("sideways overflow at " + chromium.viewport().width() + " px")
                .isZero();
        // the NPS line (series 2) at the report's week, the last on the axis: at the grid's right
        // edge, so a pixel to its left, where the axis tooltip still picks that week
        assertThat(hover(chromium.driver(), "chart-nps-trend", "{seriesIndex: 2}",
                "[chart.getOption().xAxis[0].data.length - 1, 11.5]", -1))
                .isEqualTo("2026-W47\nNPS +11.5 \u00b1 7.4 (n = 89)");
        chromium.screenshotAsIs(shot);

        assertThat(chromium.takeProblems()).as("console errors, CSP violations among them").isEmpty();
    }

    /**
     * Moves the mouse onto the point {@code value} of the chart {@code id} (ECharts converts it to
     * pixels), {@code nudgeX} pixels to the right, and returns the text of the tooltip that appears.
     */
    private static String hover(ChromeDriver browser, String id, String finder, String value, int nudgeX) {
        WebElement chart = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.executeScript("var chart = echarts.getInstanceByDom(arguments[0]);"
                + "return chart.convertToPixel(" + finder + ", " + value + ");", chart);
        Dimension size = chart.getSize();
        new Actions(browser).moveToElement(chart, at.get(0).intValue() + nudgeX - size.getWidth() / 2,
                at.get(1).intValue() - size.getHeight() / 2).perform();
        WebElement tooltip = new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " .cskpi-tip")));
        return tooltip.getText();
    }

    /** The whole app on {@code store} with one manager, "manager1", ticket ids linked to a Zendesk. */
    private static Javalin start(Store store) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        new UserService(store.dsl(), TestApp.FAST_HASHER, clock).add("manager1", Role.MANAGER, TestApp.PASSWORD);
        CskpiConfig config = TestWeb.config(1000)
                .withTicketUrl(new TicketUrl(Optional.of("https://acme.zendesk.com/agent/tickets/{id}")));
        return WebApp.create(WebDeps.of(config, store, clock).withHasher(TestApp.FAST_HASHER))
                .start("127.0.0.1", 0);
    }

    /** Fills and sends the sign-in form the browser is on. */
    private static void signIn(ChromeDriver browser) {
        browser.findElement(By.id("username")).sendKeys("manager1");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("form button")).click();
    }
}
