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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The analyst saves a query in headless Chromium under the app's strict CSP: run it, edit it,
 * save it under a name (the CodeMirror editor's text as it is now, put in by saved-queries.js), find it in
 * the list and the run in the history, and open its share link.
 */
@ExtendWith({ChromiumExtension.class, SqlServerProcess.class})
class SavedQueryBrowserTest {

    private static final String RUN = "SELECT id AS n FROM range(1, 4) ORDER BY id";
    private static final String EDITED = RUN + "\n-- three rows";

    @Test
    void an_analyst_runs_a_query_saves_it_and_opens_its_share_link(Chromium chromium, SqlServerProcess.Running service) {
        try (TestApp t = new TestApp(false, new SqlService(service.settings(), 60, 100))) {
            t.app.start(0);
            ChromeDriver browser = chromium.driver();
            try {
                String origin = "http://localhost:" + t.app.port();
                signIn(chromium, origin);
                WebElement editor = chromium.await(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".editor .CodeMirror")));
                editor.click();
                new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                        .sendKeys(Keys.DELETE).sendKeys(RUN).perform();
                browser.findElement(By.cssSelector(".buttons button")).click();
                chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.result")));

                chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".editor .CodeMirror"))).click();
                new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL)
                        .sendKeys("\n-- three rows").perform();
                browser.findElement(By.id("save-name")).sendKeys("Three rows");
                browser.findElement(By.cssSelector("#save-query button")).click();
                chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opened")));

                assertThat(browser.getCurrentUrl()).matches(origin + "/query/saved/[A-Za-z0-9_-]{43}");
                String link = browser.getCurrentUrl();
                assertThat(editorText(browser)).isEqualTo(EDITED);
                List<WebElement> saved = browser.findElements(By.cssSelector(".saved-list li a"));
                assertThat(saved).extracting(WebElement::getText).containsExactly("Three rows");
                assertThat(saved.get(0).getAttribute("href")).isEqualTo(link);
                assertThat(browser.findElements(By.cssSelector(".history li code")).stream().map(WebElement::getText))
                        .containsExactly(RUN);
                chromium.assertAccessible("the query page with a saved query");
                chromium.screenshot("query-saved");

                browser.get(origin + "/query");
                assertThat(editorText(browser)).isNotEqualTo(EDITED);
                browser.get(link);
                assertThat(editorText(browser)).isEqualTo(EDITED);
                assertThat(browser.findElement(By.cssSelector(".opened")).getText())
                        .startsWith("Saved query Three rows by analyst1");
                assertThat(chromium.takeProblems()).isEmpty();
            } finally {
                t.app.stop();
            }
        }
    }

    private static void signIn(Chromium chromium, String origin) {
        ChromeDriver browser = chromium.driver();
        browser.get(origin + "/query");
        browser.findElement(By.id("username")).sendKeys("analyst1");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("form button")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sql")));
    }

    private static String editorText(ChromeDriver browser) {
        return browser.findElement(By.id("sql")).getDomProperty("value");
    }
}
