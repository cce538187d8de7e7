package org.cskpi.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.WholeApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages' static files in the whole app: one URL prefix, one cache policy, nothing else served. */
class AssetsTest {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");
    private static WholeApp whole;
    private static Browser browser;

    @BeforeAll
    static void start() {
        whole = new WholeApp();
        whole.app.start(0);
        browser = new Browser(whole.app.port());
    }

    @AfterAll
    static void stop() {
        whole.app.stop();
        whole.close();
    }

    @ParameterizedTest
    @CsvSource({
            "app.css, text/css", "favicon.svg, image/svg+xml", "survey.css, text/css",
            "cskpi-report.css, text/css", "cskpi-report.js, text/javascript", "echarts.min.js, text/javascript",
            "query.css, text/css", "query.js, text/javascript", "codemirror.js, text/javascript",
            "codemirror.css, text/css", "codemirror-sql.js, text/javascript"})
    void every_asset_is_served_under_assets_with_its_type_and_the_one_cache_policy(String name, String type) {
        HttpResponse<String> response = browser.get("/assets/" + name);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
        assertThat(response.headers().firstValue("Cache-Control")).contains(Assets.CACHE_CONTROL);
        assertThat(response.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{24}\"");
        assertThat(response.body()).isNotEmpty();
    }

    @Test
    void an_unchanged_asset_is_answered_304_without_a_body() {
        String etag = browser.get("/assets/echarts.min.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = browser.get("/assets/echarts.min.js", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(browser.get("/assets/echarts.min.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/secret.js", "/assets/..%2Fsimplelogger.properties", "/assets/report/echarts.min.js",
            "/assets/cskpi/app.css", "/static/survey.css", "/assets/"})
    void nothing_else_is_served(String path) {
        assertThat(browser.get(path).statusCode()).as(path).isEqualTo(404);
    }

    @Test
    void the_public_pages_link_only_assets_the_app_serves() {
        List<String> linked = new ArrayList<>();
        for (String page : List.of("/login", "/s/unknown", "/no-such-page")) {
            Matcher urls = LINKED.matcher(browser.get(page, "Accept", "text/html").body());
            while (urls.find()) {
                linked.add(urls.group(1));
            }
        }
        assertThat(linked).contains("/assets/app.css", "/assets/favicon.svg", "/assets/survey.css");
        linked.forEach(url -> assertThat(browser.get(url).statusCode()).as(url).isEqualTo(200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "\"abc\"          | true", "W/\"abc\"        | true", "\"x\", \"abc\"     | true", "*   | true",
            "\"abcd\"         | false", "NULL | false"})
    void if_none_match_names_the_etag_in_any_of_its_forms(String header, boolean matches) {
        assertThat(Assets.matches(header, "\"abc\"")).isEqualTo(matches);
    }
}
