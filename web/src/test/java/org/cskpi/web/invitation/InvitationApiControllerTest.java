package org.cskpi.web.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.cskpi.invitation.SurveyToken;
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
import org.junit.jupiter.params.provider.ValueSource;

class InvitationApiControllerTest {

    private Store store;
    private Javalin app;

    @BeforeEach
    void setUp() {
        store = TestWeb.store();
        app = WebApp.create(WebDeps.of(TestWeb.config(1000), store, new MutableClock(Instant.parse("2026-11-20T10:00:00Z"))));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static Response post(io.javalin.testtools.HttpClient client, String json, String header, String value) {
        return client.request("/api/invitations", b -> {
            b.post(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
            if (header != null) {
                b.header(header, value);
            }
        });
    }

    @Test
    void creates_an_invitation_and_returns_its_links() throws Exception {
        JavalinTest.test(app, (server, client) -> {
            Response response = post(client, "{\"source\":\"zendesk\",\"ticket_id\":\"17\",\"customer_id\":\"c9\",\"locale\":\"vi\"}",
                    "Authorization", "Bearer " + TestWeb.API_KEY);
            assertThat(response.code()).isEqualTo(201);
            JsonNode body = new ObjectMapper().readTree(response.body().string());
            String link = body.get("survey_link").asText();
            assertThat(link).matches("https://survey\\.example/s/[A-Za-z0-9_-]{43}");
            assertThat(body.get("one_tap_links")).hasSize(11);
            assertThat(body.get("one_tap_links").get(0).asText()).isEqualTo(link + "?score=0");
            assertThat(body.get("one_tap_links").get(10).asText()).isEqualTo(link + "?score=10");
            // 2026-11-20T10:00Z + 30 days (survey.invitation_ttl_days default)
            assertThat(body.get("expires_at").asText()).isEqualTo("2026-12-20T10:00:00Z");
            String token = link.substring(link.lastIndexOf('/') + 1);
            assertThat(store.dsl().fetchOne(SURVEY_INVITATIONS).getTokenHash()).isEqualTo(SurveyToken.hash(token));
            // the link works
            assertThat(client.get("/s/" + token).body().string()).contains("<html lang=\"vi\">");
        });
    }

    @Test
    void x_api_key_header_works_too_and_a_second_call_for_the_ticket_is_409() {
        JavalinTest.test(app, (server, client) -> {
            String json = "{\"source\":\"csv\",\"ticket_id\":\"1\"}";
            assertThat(post(client, json, "X-Api-Key", TestWeb.API_KEY).code()).isEqualTo(201);
            Response again = post(client, json, "X-Api-Key", TestWeb.API_KEY);
            assertThat(again.code()).isEqualTo(409);
            assertThat(again.body().string()).contains("already_invited");
        });
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isEqualTo(1);
    }

    @Test
    void customer_invited_recently_is_409() {
        JavalinTest.test(app, (server, client) -> {
            assertThat(post(client, "{\"source\":\"csv\",\"ticket_id\":\"1\",\"customer_id\":\"c\"}", "X-Api-Key", TestWeb.API_KEY).code())
                    .isEqualTo(201);
            Response second = post(client, "{\"source\":\"csv\",\"ticket_id\":\"2\",\"customer_id\":\"c\"}", "X-Api-Key", TestWeb.API_KEY);
            assertThat(second.code()).isEqualTo(409);
            assertThat(second.body().string()).contains("customer_recently_invited");
        });
    }

    @Test
    void an_unsubscribed_customer_is_409_and_gets_no_invitation() {
        store.dsl().insertInto(SURVEY_UNSUBSCRIBES).set(SURVEY_UNSUBSCRIBES.CUSTOMER_ID, "c")
                .set(SURVEY_UNSUBSCRIBES.UNSUBSCRIBED_AT, java.time.OffsetDateTime.parse("2026-10-01T00:00:00Z")).execute();
        JavalinTest.test(app, (server, client) -> {
            Response response = post(client, "{\"source\":\"csv\",\"ticket_id\":\"1\",\"customer_id\":\"c\"}",
                    "X-Api-Key", TestWeb.API_KEY);
            assertThat(response.code()).isEqualTo(409);
            assertThat(response.body().string()).contains("\"reason\":\"unsubscribed\"");
        });
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wrong-key", "test-api-key-012345678", "test-api-key-01234567890"})
    void missing_or_wrong_key_is_401_and_stores_nothing(String key) {
        JavalinTest.test(app, (server, client) -> {
            Response response = key.isEmpty()
                    ? post(client, "{\"source\":\"csv\",\"ticket_id\":\"1\"}", null, null)
                    : post(client, "{\"source\":\"csv\",\"ticket_id\":\"1\"}", "Authorization", "Bearer " + key);
            assertThat(response.code()).isEqualTo(401);
        });
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "de", "fr-CA", "vi_VN", "vi-<script>", "vi VN", " vi", "", "english", "x-private", "und"})
    void a_locale_the_survey_has_no_language_for_is_400_naming_the_allowed_ones_and_stores_nothing(String locale) throws Exception {
        JavalinTest.test(app, (server, client) -> {
            String json = new ObjectMapper().createObjectNode().put("source", "csv").put("ticket_id", "1")
                    .put("locale", locale).toString();
            Response response = post(client, json, "X-Api-Key", TestWeb.API_KEY);
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("en, vi, hr, lt, th, nb");
        });
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"vi | vi", "VI-vn | vi-VN", "TH | th", "nb-no | nb-NO", "no | no", "en-GB | en-GB", "lt-LT | lt-LT", "hr | hr"})
    void a_supported_locale_in_any_case_is_stored_in_its_bcp47_form(String sent, String stored) {
        JavalinTest.test(app, (server, client) -> assertThat(post(client,
                "{\"source\":\"csv\",\"ticket_id\":\"1\",\"locale\":\"" + sent + "\"}", "X-Api-Key", TestWeb.API_KEY).code())
                .isEqualTo(201));
        assertThat(store.dsl().fetchOne(SURVEY_INVITATIONS).getLocale()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"source\":\"csv\"}", "{\"ticket_id\":\"1\"}", "{\"source\":\"\",\"ticket_id\":\"1\"}", "not json"})
    void bad_body_is_400_and_stores_nothing(String json) {
        JavalinTest.test(app, (server, client) ->
                assertThat(post(client, json, "X-Api-Key", TestWeb.API_KEY).code()).isEqualTo(400));
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isZero();
    }
}
