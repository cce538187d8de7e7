package org.cskpi.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The browser-test guard rails themselves: each must catch what it is there to catch. */
@ExtendWith(ChromiumExtension.class)
class ChromiumExtensionTest {

    private static final String INLINE_SCRIPT_PAGE = "<!doctype html><html lang=en><title>t</title>"
            + "<script>document.title = 'ran';</script><p>inline script</p>";

    @Test
    void a_page_that_breaks_its_csp_header_is_reported(Chromium chromium) throws IOException {
        HttpServer server = serve(INLINE_SCRIPT_PAGE, "default-src 'self'");
        try {
            chromium.open("http://127.0.0.1:" + server.getAddress().getPort() + "/");

            assertThat(chromium.driver().getTitle()).as("the inline script was refused").isEqualTo("t");
            assertThat(chromium.takeProblems())
                    .anyMatch(p -> p.contains("CSP violation: script-src-elem refused inline in http://127.0.0.1:"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void console_errors_and_uncaught_exceptions_are_reported(Chromium chromium) {
        chromium.open(dataUrl("<script>console.error('logged on purpose'); throw new Error('thrown on purpose');</script>"));

        List<String> problems = chromium.takeProblems();
        assertThat(problems).anyMatch(p -> p.contains("logged on purpose"));
        assertThat(problems).anyMatch(p -> p.contains("thrown on purpose"));
        assertThat(chromium.takeProblems()).as("reading clears them").isEmpty();
    }

    @Test
    void a_browser_test_that_opens_a_page_breaking_its_csp_fails(Chromium chromium) {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OpensAViolatingPage.class)).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("opens_it"),
                finishedWithFailure(message(m -> m.startsWith("console errors or CSP violations")
                        && m.contains("CSP violation")))));
    }

    @Test
    void the_phone_width_is_a_360_px_mobile_viewport(Chromium chromium) {
        chromium.open(dataUrl("<meta name=viewport content='width=device-width, initial-scale=1'><p>hello</p>"));

        chromium.atPhoneWidth();
        assertThat(chromium.driver().executeScript("return [window.innerWidth, window.devicePixelRatio]"))
                .isEqualTo(List.of(360L, 2L));
        chromium.atDesktopWidth();
        assertThat(chromium.driver().executeScript("return window.innerWidth")).isEqualTo(1366L);
    }

    @Test
    void a_page_wider_than_the_phone_shows_as_sideways_overflow(Chromium chromium) {
        String viewport = "<meta name=viewport content='width=device-width, initial-scale=1'><body style='margin: 0'>";
        chromium.atPhoneWidth().open(dataUrl(viewport + "<div style='width: 415px'>wide</div>"));
        // a mobile browser widens window.innerWidth to fit the content, so that is no measure
        assertThat(chromium.driver().executeScript("return window.innerWidth")).isEqualTo(415L);
        assertThat(chromium.sidewaysOverflow()).isEqualTo(55);

        chromium.open(dataUrl(viewport + "<div>narrow</div>"));
        assertThat(chromium.sidewaysOverflow()).isZero();
    }

    @Test
    void a_screenshot_is_saved_at_both_widths_and_the_width_stays(Chromium chromium) throws IOException {
        chromium.open(dataUrl("<meta name=viewport content='width=device-width, initial-scale=1'><p>hello</p>"));
        chromium.atPhoneWidth();

        List<Path> saved = chromium.screenshot("hello");

        assertThat(saved).containsExactly(
                Path.of("target", "screenshots", "ChromiumExtensionTest", "hello-360.png"),
                Path.of("target", "screenshots", "ChromiumExtensionTest", "hello-1366.png"));
        BufferedImage phone = ImageIO.read(saved.get(0).toFile());
        BufferedImage desktop = ImageIO.read(saved.get(1).toFile());
        assertThat(phone.getWidth()).as("360 CSS px at 2 device px each").isEqualTo(720);
        assertThat(desktop.getWidth()).isEqualTo(1366);
        assertThat(chromium.viewport()).isEqualTo(Viewport.PHONE);
    }

    @Test
    void axe_names_the_rule_the_impact_and_the_element(Chromium chromium) {
        chromium.open(dataUrl("<html lang=en><title>t</title><main><img src='data:,'></main>"));

        assertThatThrownBy(() -> chromium.assertAccessible("a page with a nameless image"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt [critical]")
                .hasMessageContaining("at img")
                .hasMessageContaining("Images must have alternative text");
    }

    @Test
    void a_missing_browser_fails_with_what_to_install() {
        assertThatThrownBy(() -> HeadlessChromium.start(Path.of("/nowhere/chromium"), Path.of("/nowhere/chromedriver")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nowhere/chromium is not an executable file")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    /** Run by the test above through the JUnit engine, never on its own (Surefire skips nested classes). */
    @ExtendWith(ChromiumExtension.class)
    static class OpensAViolatingPage {

        @Test
        void opens_it(Chromium chromium) {
            chromium.open(dataUrl("<meta http-equiv=Content-Security-Policy content=\"script-src 'none'\">"
                    + "<script>document.title = 'ran';</script>"));
        }
    }

    private static String dataUrl(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpServer serve(String html, String policy) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", policy);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
