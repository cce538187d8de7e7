package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.reports.testing.Viewport;
import org.cskpi.web.testing.SqlServerProcess;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The analyst's journey in headless Chromium under the app's strict CSP: sign in, type a query in
 * the SQL editor, run it, see the result table and the table list, page it, sort it and chart it,
 * with no console errors (a CSP violation would be one).
 */
@ExtendWith({ChromiumExtension.class, SqlServerProcess.class})
class QueryPageBrowserTest {

    /** 1234 rows: n = 1…1234, bucket = n % 7 but null for every hundredth row, and a text label. */
    private static final String MANY = "SELECT id AS n, CASE WHEN id % 100 = 0 THEN NULL ELSE id % 7 END AS bucket,"
            + " concat('row ', id) AS label FROM range(1, 1235) ORDER BY id";

    @Test
    void an_analyst_signs_in_and_runs_a_query_on_a_phone(Chromium chromium, SqlServerProcess.Running service) {
        inApp(service, 100, t -> {
            ChromeDriver browser = chromium.atPhoneWidth().driver();
            signIn(chromium, t);
            typeQuery(chromium, "SELECT id AS n, concat('row ', id) AS label FROM range(1, 4) ORDER BY id");
            browser.findElement(By.cssSelector(".buttons button")).click();
            chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.result")));

            assertThat(cells(browser)).containsExactly("1", "row 1", "2", "row 2", "3", "row 3");
            assertThat(browser.findElements(By.cssSelector(".tables summary")).stream().map(WebElement::getText))
                    .contains("tickets 0 rows", "kpi_weekly 0 rows", "survey_responses 0 rows");
            // the stylesheet applied (served from /assets/cskpi/, allowed by default-src 'self')
            assertThat(browser.findElement(By.cssSelector("header.top")).getCssValue("display")).isEqualTo("flex");
            // phone width: no sideways scrolling of the page itself
            assertThat(chromium.sidewaysOverflow()).isZero();
            chromium.screenshot("query-result");
            assertThat(chromium.takeProblems()).isEmpty();
        });
    }

    @Test
    void ctrl_enter_runs_the_query_and_the_result_pages_sorts_charts_and_is_saved(Chromium chromium, SqlServerProcess.Running service) {
        inApp(service, 2000, t -> {
            ChromeDriver browser = chromium.driver();
            signIn(chromium, t);
            typeQuery(chromium, MANY);
            assertThat(browser.findElements(By.cssSelector(".CodeMirror .cm-keyword")).stream().map(WebElement::getText))
                    .contains("SELECT", "FROM", "ORDER");
            pressCtrlEnter(browser);
            chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.result")));
            assertThat(browser.findElement(By.id("sql")).getAttribute("value")).isEqualTo(MANY);

            assertThat(rowsShown(browser)).isEqualTo("rows 1–500 of 1234");
            assertThat(firstColumn(browser)).hasSize(500).startsWith("1", "2").endsWith("500");
            browser.executeScript("window.samePage = true");
            browser.findElement(By.cssSelector("[data-page=next]")).click();
            assertThat(rowsShown(browser)).isEqualTo("rows 501–1000 of 1234");
            assertThat(firstColumn(browser)).hasSize(500).startsWith("501", "502").endsWith("1000");
            browser.findElement(By.cssSelector("[data-page=next]")).click();
            assertThat(rowsShown(browser)).isEqualTo("rows 1001–1234 of 1234");
            assertThat(firstColumn(browser)).hasSize(234).endsWith("1234");
            assertThat(browser.findElement(By.cssSelector("[data-page=next]")).isEnabled()).isFalse();
            assertThat(browser.executeScript("return window.samePage === true")).as("paged without a reload").isEqualTo(true);

            // the chart: n along x, bucket (the first other numeric column) up, in the table's order
            assertThat(new Select(browser.findElement(By.id("chart-y"))).getOptions().stream().map(WebElement::getText))
                    .containsExactly("n", "bucket");
            assertThat(chartSeries(browser)).isEqualTo(buckets(false));

            header(browser, "n").click();
            header(browser, "n").click();
            assertThat(header(browser, "n").findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(rowsShown(browser)).as("a sort goes back to the first page").isEqualTo("rows 1–500 of 1234");
            assertThat(firstColumn(browser)).as("numbers sort as numbers").startsWith("1234", "1233");

            header(browser, "bucket").click();
            WebElement bucket = header(browser, "bucket").findElement(By.xpath(".."));
            assertThat(bucket.getAttribute("aria-sort")).isEqualTo("ascending");
            assertThat(header(browser, "n").findElement(By.xpath("..")).getAttribute("aria-sort")).isNull();
            // ties keep the result's own order
            assertThat(firstColumn(browser)).startsWith("7", "14", "21");
            assertThat(chartSeries(browser)).isEqualTo(buckets(true));
            header(browser, "bucket").click();
            assertThat(bucket.getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(browser.findElement(By.cssSelector("table.result tbody td:nth-child(2)")).getText()).isEqualTo("6");
            browser.findElement(By.cssSelector("[data-page=next]")).click();
            browser.findElement(By.cssSelector("[data-page=next]")).click();
            List<WebElement> lastRow = browser.findElements(By.cssSelector("table.result tbody tr:last-child td"));
            assertThat(lastRow.get(1).getText()).as("nulls last either way").isEqualTo("null");

            new Select(browser.findElement(By.id("chart-type"))).selectByValue("line");
            assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('query-chart'))"
                    + ".getOption().series[0].type")).isEqualTo("line");
            chromium.await(ExpectedConditions.attributeToBe(By.id("query-chart"), "data-chart-state", "drawn"));
            browser.executeScript("document.querySelector('.query-chart').scrollIntoView()");
            chromium.screenshotAsIs("query-many-chart");

            // and saved under a name: the page reopens on its share link with the text it ran
            browser.findElement(By.id("save-name")).sendKeys("Buckets of seven");
            browser.findElement(By.cssSelector("#save-query button")).click();
            chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opened")));
            assertThat(browser.getCurrentUrl()).matches(".*/query/saved/[A-Za-z0-9_-]{43}");
            assertThat(browser.findElements(By.cssSelector(".saved-list li a")).stream().map(WebElement::getText))
                    .containsExactly("Buckets of seven");
            assertThat(browser.findElement(By.id("sql")).getDomProperty("value")).isEqualTo(MANY);
            assertThat(chromium.takeProblems()).isEmpty();
        });
    }

    /** The page with a small result and its chart, saved at 1366 px and 500 px (the top, as seen). */
    @Test
    void a_weekly_count_is_charted_under_its_table(Chromium chromium, SqlServerProcess.Running service) {
        inApp(service, 2000, t -> {
            ChromeDriver browser = chromium.at(new Viewport(1366, 1400, false, 1)).driver();
            signIn(chromium, t);
            // kept cheap: the test service stops a query after 3 s, and this machine may be busy
            typeQuery(chromium, "SELECT concat('2026-W', id) AS week,\n"
                    + "120 + (id * 37) % 41 AS tickets, 1800 + (id * 53) % 900 AS frt_median_s\n"
                    + "FROM range(37, 49)");
            pressCtrlEnter(browser);
            chromium.await(ExpectedConditions.attributeToBe(By.id("query-chart"), "data-chart-state", "drawn"));
            assertThat(chartSeries(browser)).hasSize(12).allSatisfy(v -> assertThat((Long) v).isBetween(120L, 160L));
            assertThat(browser.findElements(By.cssSelector(".pager button"))).as("one page: no pager buttons").isEmpty();
            chromium.screenshotAsIs("query-chart");
            chromium.at(new Viewport(500, 1500, false, 1));
            chromium.await(ExpectedConditions.attributeToBe(By.id("query-chart"), "data-chart-state", "drawn"));
            assertThat(chromium.sidewaysOverflow()).isZero();
            chromium.screenshotAsIs("query-chart");
            assertThat(chromium.takeProblems()).isEmpty();
        });
    }

    /** Runs {@code journey} against an app whose query page asks for at most {@code maxRows} rows. */
    private static void inApp(SqlServerProcess.Running service, int maxRows, Consumer<TestApp> journey) {
        try (TestApp t = new TestApp(false, new SqlService(service.settings(), 60, maxRows))) {
            t.app.start(0);
            try {
                journey.accept(t);
            } finally {
                t.app.stop();
            }
        }
    }

    private static void signIn(Chromium chromium, TestApp t) {
        ChromeDriver browser = chromium.driver();
        browser.get("http://localhost:" + t.app.port() + "/query");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fquery");
        browser.findElement(By.id("username")).sendKeys("analyst1");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("form button")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sql")));
    }

    /** Replaces the editor's text by typing into it, as an analyst does. */
    private static void typeQuery(Chromium chromium, String sql) {
        WebElement editor = chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".editor .CodeMirror")));
        assertThat(chromium.driver().findElement(By.id("sql")).isDisplayed()).as("the plain text area is replaced").isFalse();
        editor.click();
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(Keys.DELETE).sendKeys(sql).perform();
    }

    private static void pressCtrlEnter(ChromeDriver browser) {
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    }

    private static List<String> cells(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("table.result td")).stream().map(WebElement::getText).toList();
    }

    private static String rowsShown(ChromeDriver browser) {
        return browser.findElement(By.cssSelector(".pager .rows")).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> firstColumn(ChromeDriver browser) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'table.result tbody td:first-child'), function (td) { return td.textContent; })");
    }

    private static WebElement header(ChromeDriver browser, String column) {
        return browser.findElement(By.xpath("//table[@class='result']/thead//th/button[.='" + column + "']"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> chartSeries(ChromeDriver browser) {
        return (List<Object>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('query-chart')).getOption().series[0].data");
    }

    /** MANY's bucket column as the chart shows it: in n's order, or sorted by bucket (nulls last, ties in n's order). */
    private static List<Object> buckets(boolean sorted) {
        List<Long> n = new ArrayList<>(LongStream.rangeClosed(1, 1234).boxed().toList());
        if (sorted) {
            n.sort(Comparator.comparing(QueryPageBrowserTest::bucketOf, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return n.stream().map(i -> (Object) bucketOf(i)).toList();
    }

    private static Long bucketOf(long n) {
        return n % 100 == 0 ? null : n % 7;
    }
}
