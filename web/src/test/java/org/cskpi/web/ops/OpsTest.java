package org.cskpi.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Instant;
import java.util.List;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpsTest {

    private Store store;
    private Javalin app;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        store = TestWeb.store();
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        app = WebApp.create(WebDeps.of(TestWeb.config(1000), store, clock));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static String header(Response response, String name) {
        List<String> values = response.headers().get(name); // null when absent
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Test
    void every_response_carries_the_security_headers_errors_included() {
        JavalinTest.test(app, (server, client) -> {
            for (String path : List.of("/health", "/s/unknown", "/no-such-page", "/assets/survey.css")) {
                Response response = client.get(path);
                assertThat(header(response, "Content-Security-Policy")).as(path)
                        .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
                assertThat(header(response, "X-Frame-Options")).as(path).isEqualTo("DENY");
                assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                assertThat(header(response, "Referrer-Policy")).as(path).isEqualTo("no-referrer");
            }
        });
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"true, max-age=31536000; includeSubDomains", "false, NULL"})
    void strict_transport_security_is_sent_when_the_app_is_reached_over_https(boolean secureCookies, String expected) {
        Javalin app = WebApp.create(WebDeps.of(TestWeb.withWeb(TestWeb.config(1000), secureCookies, false), store, clock));
        JavalinTest.test(app, (server, client) -> {
            for (String path : List.of("/health", "/login", "/no-such-page")) {
                assertThat(header(client.get(path), "Strict-Transport-Security")).as(path).isEqualTo(expected);
            }
        });
    }

    @Test
    void health_is_ok_while_the_store_answers() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.get("/health");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"status\":\"ok\"");
        });
    }

    @Test
    void health_is_503_and_pages_are_500_without_internals_when_the_store_is_gone() {
        JavalinTest.test(app, (server, client) -> {
            store.close();
            Response health = client.get("/health");
            assertThat(health.code()).isEqualTo(503);
            assertThat(health.body().string()).contains("\"status\":\"down\"");
            Response page = client.get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertThat(page.code()).isEqualTo(500);
            assertThat(page.body().string()).isEqualTo("Something went wrong on our side. Please try again in a moment.");
        });
    }

    @Test
    void metrics_count_requests_by_route_template_latencies_and_recorded_answers() {
        String token = new Invitations(store.dsl(), clock, TestWeb.config(1).survey())
                .issue(new TicketRef("csv", "42", null, "en")).issued().orElseThrow().token();
        JavalinTest.test(app, (server, client) -> {
            client.get("/health");
            client.get("/health");
            client.get("/s/" + token);
            client.request("/s/" + token, b -> b.post(new FormBody.Builder().add("score", "10").build()));
            String metrics = client.get("/metrics").body().string();
            assertThat(metrics)
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 2")
                    .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/s/{token}\",status=\"200\"} 1")
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("survey_responses_recorded_total 1.0")
                    .doesNotContain(token);
        });
    }

    @Test
    void request_log_has_one_line_per_request_with_the_route_template_and_nothing_personal() {
        String token = new Invitations(store.dsl(), clock, TestWeb.config(1).survey())
                .issue(new TicketRef("csv", "43", "alice@example.com", "en")).issued().orElseThrow().token();
        // slf4j-simple writes to System.err (simplelogger.properties), looked up on every line
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            JavalinTest.test(app, new io.javalin.testtools.TestConfig(false, false), (server, client) ->
                    client.request("/s/" + token + "?score=9", b -> b.post(new FormBody.Builder()
                            .add("score", "9").add("comment", "secret-comment-text").build())));
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(line -> line.contains("org.cskpi.web.requests")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("POST /s/{token} 200");
        assertThat(out).doesNotContain(token).doesNotContain("secret-comment-text").doesNotContain("127.0.0.1")
                .doesNotContain("alice");
    }
}
