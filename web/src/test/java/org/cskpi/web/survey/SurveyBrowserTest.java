package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.store.Store;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The survey in a real browser: the JVM's headless Chromium ({@link ChromiumExtension}) with a
 * 360 x 740 phone viewport.
 */
@ExtendWith(ChromiumExtension.class)
class SurveyBrowserTest {

    private static Store store;
    private static Javalin app;
    private static Invitations invitations;
    private Chromium chromium;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        store = TestWeb.store();
        app = WebApp.create(WebDeps.of(TestWeb.config(10_000), store, Clock.systemUTC())).start("127.0.0.1", 0);
        invitations = new Invitations(store.dsl(), Clock.systemUTC(), TestWeb.config(1).survey());
    }

    @BeforeEach
    void onAPhone(Chromium chromium) {
        this.chromium = chromium.atPhoneWidth();
        this.browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private String open(String ticket, String locale, String query) {
        String token = invitations.issue(new TicketRef("zendesk", ticket, "cust-" + ticket, locale)).issued().orElseThrow().token();
        browser.get("http://127.0.0.1:" + app.port() + "/s/" + token + query);
        return token;
    }

    /**
     * Waits for the page after a form POST (same URL) to show this heading. While the old
     * page is being replaced, element look-ups can fail (stale element, node not in the
     * document): those are retried.
     */
    private void awaitHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class)
                .until(driver -> driver.findElement(By.tagName("h1")).getText().equals(heading));
    }

    private SurveyResponsesRecord stored(String ticket) {
        return store.dsl().fetchOne(SURVEY_RESPONSES, SURVEY_RESPONSES.TICKET_ID.eq(ticket));
    }

    @Test
    void a_customer_answers_on_a_phone_with_taps_and_the_row_is_stored() {
        open("phone-1", "en", "");
        JavascriptExecutor js = browser;
        assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(360);
        // nothing sticks out sideways on a 360 px screen
        assertThat(chromium.sidewaysOverflow()).isZero();
        WebElement nine = browser.findElement(By.cssSelector("label[for=score-9]"));
        assertThat(nine.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        nine.click();
        browser.findElement(By.id("comment")).sendKeys("Fast, kind <help> – takk!");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("Thank you!");
        SurveyResponsesRecord row = stored("phone-1");
        assertThat(row.getScore()).isEqualTo(9);
        assertThat(row.getComment()).isEqualTo("Fast, kind <help> – takk!");
        assertThat(row.getLocale()).isEqualTo("en");
    }

    @Test
    void a_customer_answers_with_the_keyboard_only() {
        open("keys-1", "vi", "");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        // Tab into the radio group (first radio), arrow right three times: score 3
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("score-0");
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
        assertThat(browser.findElement(By.id("score-3")).isSelected()).isTrue();
        // Tab to the comment, type, Tab to the button, Enter
        new Actions(browser).sendKeys(Keys.TAB).sendKeys("Giao hàng chậm").sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getTagName()).isEqualTo("button");
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        awaitHeading("Cảm ơn bạn!");
        SurveyResponsesRecord row = stored("keys-1");
        assertThat(row.getScore()).isEqualTo(3);
        assertThat(row.getComment()).isEqualTo("Giao hàng chậm");
    }

    @Test
    void one_tap_link_opens_with_the_score_chosen_and_one_tap_on_send_stores_it() {
        open("tap-1", "th", "?score=10");
        assertThat(stored("tap-1")).isNull();
        assertThat(browser.findElement(By.id("score-10")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("ขอบคุณ!");
        assertThat(stored("tap-1").getScore()).isEqualTo(10);
    }

    @Test
    void the_page_loads_its_stylesheet_under_the_content_security_policy() {
        open("css-1", "en", "");
        String background = browser.findElement(By.cssSelector("button[type=submit]")).getCssValue("background-color");
        assertThat(background).isEqualTo("rgba(29, 78, 216, 1)");
        chromium.screenshot("survey-form");
    }
}
