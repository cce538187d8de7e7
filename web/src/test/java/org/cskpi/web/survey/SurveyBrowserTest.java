package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;

import io.javalin.Javalin;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.SurveyLinks;
import org.cskpi.invitation.TicketRef;
import org.cskpi.mail.survey.SurveyInvitation;
import org.cskpi.mail.survey.SurveyInvitationMail;
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
import org.junit.jupiter.api.io.TempDir;
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

        awaitHeading("Thanks — you gave 9");
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

        awaitHeading("Cảm ơn bạn — bạn đã chấm 3 điểm");
        SurveyResponsesRecord row = stored("keys-1");
        assertThat(row.getScore()).isEqualTo(3);
        assertThat(row.getComment()).isEqualTo("Giao hàng chậm");
    }

    @Test
    void without_script_a_one_tap_link_opens_with_the_score_chosen_and_one_tap_on_send_stores_it() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            open("tap-1", "th", "?score=10");
            assertThat(browser.findElement(By.id("score-10")).isSelected()).isTrue();
            assertThat(stored("tap-1")).as("nothing stored before the tap on Send").isNull();
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            awaitHeading("ขอบคุณ — คุณให้คะแนน 10");
            assertThat(stored("tap-1").getScore()).isEqualTo(10);
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /**
     * Issue 14's "one tap is the answer": the invitation e-mail's HTML part, as the mail module
     * composes it with links to this server, opened in the browser; tapping its 9 stores 9 with no
     * further tap, while a plain GET of the same link (a link scanner) stores nothing.
     */
    @Test
    void tapping_9_in_the_invitation_e_mail_stores_9_with_no_further_tap(@TempDir Path dir) throws Exception {
        String token = invitations.issue(new TicketRef("zendesk", "mail-1", "cust-mail-1", "en")).issued().orElseThrow().token();
        SurveyLinks links = SurveyLinks.of("http://127.0.0.1:" + app.port(), token);
        MimeMessage mail = new SurveyInvitationMail("Acme", "survey@acme.example")
                .compose(new SurveyInvitation("customer@example.com", "en", links.oneTap(), links.unsubscribe()));
        Path page = Files.writeString(dir.resolve("invitation.html"), htmlPart(mail));

        HttpResponse<String> scanned = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(links.oneTap().get(9))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(stored("mail-1")).as("a plain GET of the link stores nothing").isNull();

        browser.get(page.toUri().toString());
        browser.findElement(By.linkText("9")).click();

        awaitHeading("Thanks — you gave 9");
        assertThat(stored("mail-1").getScore()).isEqualTo(9);
        assertThat(browser.getCurrentUrl()).as("the one-tap link is replaced by the link's page")
                .isEqualTo(links.survey());
        assertThat(browser.findElement(By.id("comment")).isDisplayed()).isTrue();
        chromium.assertAccessible("thank-you page");
        chromium.screenshot("survey-thanks");

        // the score can change within the edit window, in one tap on the new score
        WebElement summary = browser.findElement(By.cssSelector(".change-score summary"));
        assertThat(summary.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        summary.click();
        assertThat(browser.findElement(By.cssSelector(".change-score button[value='9']")).getAttribute("aria-current")).isEqualTo("true");
        chromium.screenshot("survey-change-score");
        browser.findElement(By.cssSelector(".change-score button[value='7']")).click();
        awaitHeading("Thanks — you gave 7");
        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("Score saved.");
        browser.findElement(By.id("comment")).sendKeys("helpful");
        browser.findElement(By.cssSelector("button.send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(driver -> driver.findElement(By.id("saved")).getText().equals("Comment saved."));
        assertThat(stored("mail-1").getScore()).isEqualTo(7);
        assertThat(stored("mail-1").getComment()).isEqualTo("helpful");
        chromium.screenshot("survey-comment-saved");
    }

    @Test
    void the_unsubscribe_link_shows_one_button_and_its_tap_unsubscribes() {
        String token = invitations.issue(new TicketRef("zendesk", "unsub-1", "cust-unsub-1", "hr")).issued().orElseThrow().token();
        browser.get("http://127.0.0.1:" + app.port() + "/u/" + token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Prestanak primanja anketa");
        chromium.assertAccessible("unsubscribe page");
        chromium.screenshot("unsubscribe");
        assertThat(store.dsl().fetchCount(SURVEY_UNSUBSCRIBES)).as("the page changes nothing").isZero();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("Odjavljeni ste");
        assertThat(store.dsl().fetchExists(SURVEY_UNSUBSCRIBES, SURVEY_UNSUBSCRIBES.CUSTOMER_ID.eq("cust-unsub-1"))).isTrue();
        chromium.assertAccessible("unsubscribed page");
        chromium.screenshot("unsubscribed");
    }

    /** The HTML part of the message as a recipient reads it: written out and parsed back. */
    private static String htmlPart(MimeMessage composed) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        composed.writeTo(wire);
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/html")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("the invitation has no HTML part");
    }

    @Test
    void the_page_loads_its_stylesheet_under_the_content_security_policy() {
        open("css-1", "en", "");
        String background = browser.findElement(By.cssSelector("button[type=submit]")).getCssValue("background-color");
        assertThat(background).isEqualTo("rgba(29, 78, 216, 1)");
        chromium.screenshot("survey-form");
    }
}
