package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;

class KpiApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestApp appWithKpis() {
        TestApp t = new TestApp();
        t.store.dsl().insertInto(KPI_WEEKLY, KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE,
                        KPI_WEEKLY.KPI, KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE, KPI_WEEKLY.SMALL_SAMPLE,
                        KPI_WEEKLY.INCOMPLETE)
                .values("2026-W46", "all", "all", "volume", 120.0, 120L, false, false)
                .values("2026-W47", "all", "all", "volume", 95.0, 95L, false, true)
                .values("2026-W47", "channel", "email", "frt_median_s", 5400.0, 40L, false, true)
                .values("2026-W47", "channel", "chat", "frt_median_s", 75.5, 12L, true, true)
                .execute();
        return t;
    }

    @Test
    void without_a_key_or_session_the_api_answers_401() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser anonymous = new Browser(server.port());
                HttpResponse<String> none = anonymous.get("/api/kpis");
                assertThat(none.statusCode()).isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
                assertThat(anonymous.get("/api/kpis", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
                assertThat(anonymous.get("/api/kpis", "X-Api-Key", TestApp.API_KEY + "x").statusCode()).isEqualTo(401);
            });
        }
    }

    @Test
    void the_key_in_either_header_returns_the_weeks_rows_as_json() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser script = new Browser(server.port());
                HttpResponse<String> bearer = script.get("/api/kpis?week=2026-W47&breakdown=channel",
                        "Authorization", "Bearer " + TestApp.API_KEY);
                assertThat(bearer.statusCode()).isEqualTo(200);
                JsonNode body = JSON.readTree(bearer.body());
                assertThat(body.get("week").asText()).isEqualTo("2026-W47");
                assertThat(body.get("breakdown").asText()).isEqualTo("channel");
                // ordered by breakdown_value: chat before email
                assertThat(body.get("rows")).hasSize(2);
                JsonNode chat = body.get("rows").get(0);
                assertThat(chat.get("breakdown_value").asText()).isEqualTo("chat");
                assertThat(chat.get("kpi").asText()).isEqualTo("frt_median_s");
                assertThat(chat.get("value").asDouble()).isEqualTo(75.5);
                assertThat(chat.get("sample_size").asLong()).isEqualTo(12);
                assertThat(chat.get("small_sample").asBoolean()).isTrue();
                assertThat(chat.get("incomplete").asBoolean()).isTrue();
                assertThat(body.get("rows").get(1).get("breakdown_value").asText()).isEqualTo("email");

                HttpResponse<String> header = script.get("/api/kpis?week=2026-W46", "X-Api-Key", TestApp.API_KEY);
                JsonNode w46 = JSON.readTree(header.body());
                assertThat(w46.get("breakdown").asText()).isEqualTo("all");
                assertThat(w46.get("rows")).hasSize(1);
                assertThat(w46.get("rows").get(0).get("value").asDouble()).isEqualTo(120.0);
            });
        }
    }

    @Test
    void without_a_week_the_last_complete_week_is_returned_as_on_the_report_page() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                // 2026-W47 is newer but incomplete (its week has not ended); / shows 2026-W46
                JsonNode body = JSON.readTree(new Browser(server.port())
                        .get("/api/kpis", "X-Api-Key", TestApp.API_KEY).body());
                assertThat(body.get("week").asText()).isEqualTo("2026-W46");
                assertThat(body.get("rows").get(0).get("value").asDouble()).isEqualTo(120.0);
            });
        }
    }

    @Test
    void without_a_week_and_no_complete_week_the_newest_week_is_returned() {
        try (TestApp t = appWithKpis()) {
            t.store.dsl().update(KPI_WEEKLY).set(KPI_WEEKLY.INCOMPLETE, true).execute();
            JavalinTest.test(t.app, (server, client) -> {
                JsonNode body = JSON.readTree(new Browser(server.port())
                        .get("/api/kpis", "X-Api-Key", TestApp.API_KEY).body());
                assertThat(body.get("week").asText()).isEqualTo("2026-W47");
            });
        }
    }

    @Test
    void bad_parameters_are_400_and_an_unknown_week_404() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser script = new Browser(server.port());
                assertThat(script.get("/api/kpis?week=2026-47", "X-Api-Key", TestApp.API_KEY).statusCode()).isEqualTo(400);
                assertThat(script.get("/api/kpis?week=2026-W54", "X-Api-Key", TestApp.API_KEY).statusCode()).isEqualTo(400);
                HttpResponse<String> breakdown = script.get("/api/kpis?breakdown=region", "X-Api-Key", TestApp.API_KEY);
                assertThat(breakdown.statusCode()).isEqualTo(400);
                assertThat(breakdown.body()).contains("breakdown must be one of");
                assertThat(script.get("/api/kpis?week=2025-W01", "X-Api-Key", TestApp.API_KEY).statusCode()).isEqualTo(404);
            });
        }
    }

    @Test
    void a_repeated_parameter_is_400_naming_it() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser script = new Browser(server.port());
                for (String query : List.of("breakdown=channel&breakdown=team", "breakdown=channel&breakdown=channel",
                        "week=2026-W46&week=2026-W47")) {
                    HttpResponse<String> response = script.get("/api/kpis?" + query, "X-Api-Key", TestApp.API_KEY);
                    assertThat(response.statusCode()).as(query).isEqualTo(400);
                    assertThat(response.body()).as(query).contains("once");
                }
            });
        }
    }

    @Test
    void from_and_to_return_each_week_with_rows_oldest_first() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser script = new Browser(server.port());
                HttpResponse<String> response = script.get("/api/kpis?from=2026-W46&to=2026-W47", "X-Api-Key", TestApp.API_KEY);
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode body = JSON.readTree(response.body());
                assertThat(body.get("from").asText()).isEqualTo("2026-W46");
                assertThat(body.get("to").asText()).isEqualTo("2026-W47");
                assertThat(body.get("breakdown").asText()).isEqualTo("all");
                assertThat(body.get("weeks")).hasSize(2);
                assertThat(body.get("weeks").get(0).get("week").asText()).isEqualTo("2026-W46");
                assertThat(body.get("weeks").get(0).get("rows").get(0).get("value").asDouble()).isEqualTo(120.0);
                assertThat(body.get("weeks").get(1).get("week").asText()).isEqualTo("2026-W47");
                assertThat(body.get("weeks").get(1).get("rows").get(0).get("incomplete").asBoolean()).isTrue();

                // weeks without rows of the breakdown are left out; a span of 53 weeks is allowed
                JsonNode channel = JSON.readTree(script.get("/api/kpis?from=2025-W47&to=2026-W47&breakdown=channel",
                        "X-Api-Key", TestApp.API_KEY).body());
                assertThat(channel.get("weeks")).hasSize(1);
                assertThat(channel.get("weeks").get(0).get("week").asText()).isEqualTo("2026-W47");
                assertThat(channel.get("weeks").get(0).get("rows")).hasSize(2);

                assertThat(script.get("/api/kpis?from=2025-W01&to=2025-W10", "X-Api-Key", TestApp.API_KEY).statusCode())
                        .isEqualTo(404);
            });
        }
    }

    @Test
    void a_bad_span_is_400_saying_why() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser script = new Browser(server.port());
                Map<String, String> bad = Map.of(
                        "week=2026-W47&from=2026-W46&to=2026-W47", "week or from and to, not both",
                        "from=2026-W46", "from and to go together",
                        "to=2026-W47", "from and to go together",
                        "from=2026-W47&to=2026-W46", "from 2026-W47 is after to 2026-W46",
                        "from=2025-W01&to=2026-W02", "at most 53 weeks",
                        "from=2026-W46&from=2026-W45&to=2026-W47", "give from once");
                bad.forEach((query, reason) -> {
                    HttpResponse<String> response = script.get("/api/kpis?" + query, "X-Api-Key", TestApp.API_KEY);
                    assertThat(response.statusCode()).as(query).isEqualTo(400);
                    assertThat(response.body()).as(query).contains(reason);
                });
            });
        }
    }

    @Test
    void a_signed_in_manager_may_use_the_api_from_the_browser() {
        try (TestApp t = appWithKpis()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser manager = new Browser(server.port());
                manager.logIn("manager1", TestApp.PASSWORD);
                HttpResponse<String> response = manager.get("/api/kpis?week=2026-W46");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).get("rows").get(0).get("kpi").asText()).isEqualTo("volume");
            });
        }
    }
}
