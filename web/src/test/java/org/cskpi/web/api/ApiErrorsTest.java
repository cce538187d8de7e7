package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cskpi.web.TestWeb;
import org.cskpi.web.ops.ErrorHandling;
import org.cskpi.web.page.Pages;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.WholeApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every error under /api/ in the whole app (WebApp.create) has one JSON shape: {"error": {"status", "code", "message"}}. */
class ApiErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = TestWeb.API_KEY;

    private final WholeApp whole = new WholeApp();
    private final Javalin app = whole.app;

    @AfterEach
    void tearDown() {
        whole.close();
    }

    /** The error of {@code response}, after checking that it is one, in the API's shape, with {@code status}. */
    private static JsonNode error(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    private static HttpResponse<String> post(Browser client, String path, String json, String... headers) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).headers(headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void kpis_errors_are_json_whatever_the_client_accepts() {
        JavalinTest.test(app, (server, client) -> {
            Browser script = new Browser(server.port());
            for (String accept : new String[] {"*/*", "text/html", "text/plain"}) {
                JsonNode bad = error(script.get("/api/kpis?breakdown=region", "X-Api-Key", KEY, "Accept", accept), 400, "bad_request");
                assertThat(bad.get("message").asText()).startsWith("breakdown must be one of");
                error(script.get("/api/kpis", "Accept", accept), 401, "unauthorized");
                error(script.get("/api/kpis?week=2025-W01", "X-Api-Key", KEY, "Accept", accept), 404, "not_found");
            }
            HttpResponse<String> wrongKey = script.get("/api/kpis", "Authorization", "Bearer wrong");
            error(wrongKey, 401, "unauthorized");
            assertThat(wrongKey.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        });
    }

    @Test
    void an_unknown_api_path_is_a_json_404_to_a_caller_with_the_key_and_a_json_401_to_others() {
        JavalinTest.test(app, (server, client) -> {
            Browser script = new Browser(server.port());
            error(script.get("/api/no-such-thing", "X-Api-Key", KEY), 404, "not_found");
            error(script.get("/api/no-such-thing"), 401, "unauthorized");
        });
    }

    @Test
    void invitation_errors_have_the_same_shape_and_409_keeps_its_reason() {
        JavalinTest.test(app, (server, client) -> {
            Browser script = new Browser(server.port());
            String ticket = "{\"source\":\"csv\",\"ticket_id\":\"1\"}";
            error(post(script, "/api/invitations", ticket, "X-Api-Key", "wrong"), 401, "unauthorized");
            JsonNode locale = error(post(script, "/api/invitations", "{\"source\":\"csv\",\"ticket_id\":\"1\",\"locale\":\"de\"}",
                    "X-Api-Key", KEY), 400, "bad_request");
            assertThat(locale.get("message").asText()).contains("en, vi, hr, lt, th, nb");
            JsonNode notJson = error(post(script, "/api/invitations", "not json", "X-Api-Key", KEY), 400, "bad_request");
            assertThat(notJson.get("message").asText()).contains("JSON");
            assertThat(post(script, "/api/invitations", ticket, "X-Api-Key", KEY).statusCode()).isEqualTo(201);
            HttpResponse<String> again = post(script, "/api/invitations", ticket, "X-Api-Key", KEY);
            error(again, 409, "already_invited");
            assertThat(JSON.readTree(again.body()).get("reason").asText()).isEqualTo("already_invited");
            assertThat(JSON.readTree(again.body()).get("invited").asBoolean()).isFalse();
        });
    }

    @Test
    void a_failure_under_api_is_a_json_500_without_details() {
        JavalinTest.test(app, (server, client) -> {
            whole.store.close();
            JsonNode failed = error(new Browser(server.port()).get("/api/kpis", "X-Api-Key", KEY), 500, "server_error");
            assertThat(failed.get("message").asText()).isEqualTo("Something went wrong on our side. Please try again in a moment.");
        });
    }

    @Test
    void a_refusal_for_too_many_requests_under_api_is_json_too() {
        // no /api route limits its callers yet; the one exception mapper answers for any that will
        Javalin limited = Javalin.create(config -> {
            new ErrorHandling(new Pages()).register(config);
            config.routes.get("/api/limited", ctx -> {
                throw new TooManyRequestsResponse("Slow down.");
            });
        });
        JavalinTest.test(limited, (server, client) -> error(new Browser(server.port()).get("/api/limited"), 429, "too_many_requests"));
    }

    @Test
    void html_pages_keep_their_html_errors() {
        JavalinTest.test(app, (server, client) -> {
            HttpResponse<String> page = new Browser(server.port()).get("/no-such-page", "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("<h1>Not found</h1>");
        });
    }
}
