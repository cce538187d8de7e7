package org.cskpi.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.config.CskpiConfig;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.SampleStore;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.reports.testing.ReportCharts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance (issue 7): the generated report opens in headless Chromium with the network off and
 * every chart draws, with no console message. Also the web app's linked mode under a strict CSP.
 * Screenshots (360 px and 1366 px) land in target/screenshots/BrowserRenderTest for a person to
 * look at.
 */
@ExtendWith(ChromiumExtension.class)
class BrowserRenderTest {

    private static final Path DIR = Path.of("target", "browser");
    private static StoreRows rows;
    private static WeeklyReport report;

    @BeforeAll
    static void render() throws IOException {
        Files.createDirectories(DIR);
        rows = SampleStore.fill(StoreRows.fresh());
        report = ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")), SampleStore.LAST_COMPLETE,
                Filters.none());
    }

    @AfterAll
    static void close() {
        rows.store().close();
    }

    @Test
    void the_standalone_file_draws_every_chart_offline_without_console_messages(Chromium chromium) throws Exception {
        Path file = DIR.resolve("report.html");
        Files.writeString(file, HtmlReport.page(report, ScriptMode.inline()), StandardCharsets.UTF_8);

        chromium.open(file.toUri().toString());
        chromium.await(ReportCharts::allDrawn);
        String dom = chromium.driver().getPageSource();

        assertEveryChartDrawn(dom);
        assertThat(chromium.takeConsoleMessages()).isEmpty();
        // the injected comment stayed text
        assertThat(dom).contains("&lt;script&gt;alert('owned')&lt;/script&gt;");

        for (Path shot : chromium.screenshot("report")) {
            assertThat(shot).isNotEmptyFile();
        }
    }

    @Test
    void the_linked_page_draws_every_chart_under_a_strict_content_security_policy(Chromium chromium) throws Exception {
        String page = HtmlReport.page(report, ScriptMode.linked("/assets"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            String type;
            if (path.startsWith("/assets/")) {
                String asset = path.substring("/assets/".length());
                body = ReportAssets.content(asset);
                type = ReportAssets.contentType(asset);
            } else {
                body = page;
                type = "text/html; charset=utf-8";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.getResponseHeaders().add("Content-Security-Policy",
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/report";
            chromium.atPhoneWidth().open(url);
            chromium.await(ReportCharts::allDrawn);

            assertEveryChartDrawn(chromium.driver().getPageSource());
            assertThat(chromium.takeConsoleMessages()).as("CSP violations and script errors are console messages")
                    .isEmpty();
        } finally {
            server.stop(0);
        }
    }

    /** Each chart container was marked drawn by cskpi-report.js and holds an SVG with shapes. */
    private static void assertEveryChartDrawn(String dom) {
        assertThat(report.charts()).hasSize(10);
        for (ChartSpec chart : report.charts()) {
            Matcher m = Pattern.compile("<div class=\"chart[^\"]*\" id=\"chart-" + Pattern.quote(chart.id())
                    + "\"[^>]*>(.*?)<figcaption", Pattern.DOTALL).matcher(dom);
            assertThat(m.find()).as("container of chart %s", chart.id()).isTrue();
            String container = m.group(0);
            assertThat(container).as("chart %s state", chart.id()).contains("data-chart-state=\"drawn\"");
            assertThat(container).as("chart %s svg", chart.id()).contains("<svg");
            int shapes = count(container, "<path");
            assertThat(shapes).as("shapes drawn in chart %s", chart.id()).isGreaterThan(10);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
