package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.web.testing.SqlServerProcess;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The analyst's journey in headless Chromium on a 360 px phone, under the app's strict CSP:
 * sign in, run a query on the SQL service, see the result table and the table list, with no console errors
 * (a CSP violation would be one).
 */
@ExtendWith({ChromiumExtension.class, SqlServerProcess.class})
class QueryPageBrowserTest {

    @Test
    void an_analyst_signs_in_and_runs_a_query_on_a_phone(Chromium chromium, SqlServerProcess.Running service) {
        try (TestApp t = new TestApp(false, new SqlService(service.settings(), 60, 100))) {
            t.app.start(0);
            ChromeDriver browser = chromium.atPhoneWidth().driver();
            try {
                String origin = "http://localhost:" + t.app.port();
                browser.get(origin + "/query");
                assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fquery");
                browser.findElement(By.id("username")).sendKeys("analyst1");
                browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
                browser.findElement(By.cssSelector("form button")).click();
                chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sql")));

                WebElement sql = browser.findElement(By.id("sql"));
                sql.clear();
                sql.sendKeys("SELECT id AS n, concat('row ', id) AS label FROM range(1, 4) ORDER BY id");
                browser.findElement(By.cssSelector(".buttons button")).click();
                chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.result")));

                List<String> cells = browser.findElements(By.cssSelector("table.result td")).stream()
                        .map(WebElement::getText).toList();
                assertThat(cells).containsExactly("1", "row 1", "2", "row 2", "3", "row 3");
                assertThat(browser.findElements(By.cssSelector(".tables summary")).stream().map(WebElement::getText))
                        .contains("tickets 0 rows", "kpi_weekly 0 rows", "survey_responses 0 rows");
                // the stylesheet applied (served from /assets/cskpi/, allowed by default-src 'self')
                assertThat(browser.findElement(By.cssSelector("header.top")).getCssValue("display")).isEqualTo("flex");
                // phone width: no sideways scrolling of the page itself
                assertThat(chromium.sidewaysOverflow()).isZero();
                chromium.screenshot("query-result");
                assertThat(chromium.takeProblems()).isEmpty();
            } finally {
                t.app.stop();
            }
        }
    }
}
