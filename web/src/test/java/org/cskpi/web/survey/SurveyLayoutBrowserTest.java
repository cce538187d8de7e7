package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.store.Store;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * How the survey's 0-10 scale is laid out, read from the elements' rectangles (docs/web.md#the-scale):
 * one row of 11 on a laptop, 0-5 over 6-10 on a 360 px phone with the end labels at 0 and at 10,
 * every target at least 44 px, and borders and focus ring at 3:1 or more against the card.
 */
@ExtendWith(ChromiumExtension.class)
class SurveyLayoutBrowserTest {

    /** A box on the page, in CSS pixels. */
    record Box(double left, double top, double right, double bottom) {
        double width() {
            return right - left;
        }

        double height() {
            return bottom - top;
        }
    }

    private static Store store;
    private static Javalin app;
    private static Invitations invitations;

    @BeforeAll
    static void start() {
        store = TestWeb.store();
        app = WebApp.create(WebDeps.of(TestWeb.config(10_000), store, Clock.systemUTC())).start("127.0.0.1", 0);
        invitations = new Invitations(store.dsl(), Clock.systemUTC(), TestWeb.config(1).survey());
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private void openSurvey(Chromium chromium, String ticket) {
        String token = invitations.issue(new TicketRef("zendesk", ticket, "cust-" + ticket, "en")).issued().orElseThrow().token();
        chromium.open("http://127.0.0.1:" + app.port() + "/s/" + token);
    }

    /** The score targets 0..10 and the rendered text of the low and the high end label. */
    record Scale(List<Box> picks, Box low, Box high) {
    }

    private static Scale scale(Chromium chromium) {
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> boxes = (List<Map<String, Number>>) chromium.driver().executeScript("""
                const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
                const text = el => { const range = document.createRange(); range.selectNodeContents(el);
                                     return box(range.getBoundingClientRect()); };
                const picks = [...document.querySelectorAll('.scale .pick')].map(p => box(p.getBoundingClientRect()));
                return picks.concat([text(document.querySelector('.scale .end.low')),
                                     text(document.querySelector('.scale .end.high'))]);""");
        List<Box> all = boxes.stream().map(b -> new Box(b.get("left").doubleValue(), b.get("top").doubleValue(),
                b.get("right").doubleValue(), b.get("bottom").doubleValue())).toList();
        return new Scale(all.subList(0, 11), all.get(11), all.get(12));
    }

    @Test
    void at_360_px_the_scale_is_0_to_5_over_6_to_10_with_the_end_labels_at_0_and_at_10(Chromium chromium) {
        chromium.atPhoneWidth();
        openSurvey(chromium, "phone");
        Scale scale = scale(chromium);
        List<Box> picks = scale.picks();
        Box low = scale.low();
        Box high = scale.high();

        assertThat(chromium.sidewaysOverflow()).isZero();
        assertThat(picks).allSatisfy(pick -> {
            assertThat(pick.width()).isGreaterThanOrEqualTo(44);
            assertThat(pick.height()).isGreaterThanOrEqualTo(44);
        });
        IntStream.rangeClosed(1, 5).forEach(i -> assertThat(picks.get(i).top()).isEqualTo(picks.get(0).top()));
        IntStream.rangeClosed(7, 10).forEach(i -> assertThat(picks.get(i).top()).isEqualTo(picks.get(6).top()));
        assertThat(picks.get(6).top()).as("6-10 under 0-5").isGreaterThan(picks.get(5).bottom());
        assertThat(picks.get(6).left()).as("6 under 1").isCloseTo(picks.get(1).left(), within(1.0));
        assertThat(picks.get(10).right()).as("10 under 5, at the right end").isCloseTo(picks.get(5).right(), within(1.0));
        assertThat(low.left()).as("the low label starts at 0").isCloseTo(picks.get(0).left(), within(1.0));
        assertThat(low.bottom()).as("the low label is above the first row").isLessThanOrEqualTo(picks.get(0).top());
        assertThat(high.right()).as("the high label ends at 10").isCloseTo(picks.get(10).right(), within(1.0));
        assertThat(high.top()).as("the high label is under 10").isGreaterThanOrEqualTo(picks.get(10).bottom());
        chromium.screenshot("survey-scale");
    }

    @Test
    void at_1366_px_the_scale_is_one_row_of_11_with_the_end_labels_under_0_and_under_10(Chromium chromium) {
        chromium.atDesktopWidth();
        openSurvey(chromium, "laptop");
        Scale scale = scale(chromium);
        List<Box> picks = scale.picks();
        Box low = scale.low();
        Box high = scale.high();

        IntStream.rangeClosed(1, 10).forEach(i -> {
            assertThat(picks.get(i).top()).isEqualTo(picks.get(0).top());
            assertThat(picks.get(i).left()).isGreaterThan(picks.get(i - 1).right());
        });
        assertThat(picks).allSatisfy(pick -> assertThat(pick.height()).isGreaterThanOrEqualTo(44));
        assertThat(picks).allSatisfy(pick -> assertThat(pick.width()).isGreaterThanOrEqualTo(44));
        assertThat(low.left()).isCloseTo(picks.get(0).left(), within(1.0));
        assertThat(low.top()).isGreaterThanOrEqualTo(picks.get(0).bottom());
        assertThat(high.right()).isCloseTo(picks.get(10).right(), within(1.0));
        assertThat(high.top()).isGreaterThanOrEqualTo(picks.get(10).bottom());
    }

    @Test
    void score_borders_and_the_focus_ring_have_at_least_3_to_1_contrast_against_the_card(Chromium chromium) {
        chromium.atPhoneWidth();
        openSurvey(chromium, "contrast");
        String card = css(chromium, ".card", "backgroundColor");
        assertThat(contrast(css(chromium, "label[for=score-4]", "borderTopColor"), card)).isGreaterThanOrEqualTo(3);

        new Actions(chromium.driver()).sendKeys(Keys.TAB).perform();
        assertThat(chromium.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("score-0");
        assertThat(css(chromium, "label[for=score-0]", "outlineStyle")).isEqualTo("solid");
        assertThat(Double.parseDouble(css(chromium, "label[for=score-0]", "outlineWidth").replace("px", ""))).isGreaterThanOrEqualTo(2);
        assertThat(contrast(css(chromium, "label[for=score-0]", "outlineColor"), card)).isGreaterThanOrEqualTo(3);
        assertThat(contrast(css(chromium, "textarea", "borderTopColor"), card)).isGreaterThanOrEqualTo(3);
    }

    private static String css(Chromium chromium, String selector, String property) {
        return (String) chromium.driver().executeScript(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", selector, property);
    }

    /** WCAG 2 contrast ratio of two opaque {@code rgb(r, g, b)} colours. */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Double.parseDouble(parts[i]) / 255;
            sum += weights[i] * (channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
