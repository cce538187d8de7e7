package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.web.testing.Browser.csrfIn;
import static org.cskpi.web.testing.Browser.form;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;

class QueryWebTest {

    @Test
    void results_are_an_escaped_html_table() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                String token = csrfIn(analyst.get("/query").body());
                HttpResponse<String> page = analyst.post("/query",
                        form("csrf", token, "sql", "SELECT '<script>alert(1)</script>' AS \"<b>\", 42 AS n, NULL AS z"));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body())
                        .contains("<th>&lt;b&gt;</th>")
                        .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">42</td>")
                        .contains("<span class=\"null\">null</span>")
                        .contains("1 row in")
                        .doesNotContain("<script>");
                assertThat(page.headers().firstValue("Content-Security-Policy")).contains("default-src 'self'; frame-ancestors 'none'");
            });
        }
    }

    @Test
    void a_refused_statement_shows_the_reason_on_the_page() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                String token = csrfIn(analyst.get("/query").body());
                HttpResponse<String> page = analyst.post("/query", form("csrf", token, "sql", "DROP TABLE kpi_weekly"));
                assertThat(page.statusCode()).isEqualTo(400);
                assertThat(page.body()).contains("Only queries can run here").contains(">DROP TABLE kpi_weekly</textarea>");
            });
        }
    }

    @Test
    void a_query_nested_too_deep_is_a_400_with_the_reason_on_the_page() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                String token = csrfIn(analyst.get("/query").body());
                String sql = "SELECT " + "(".repeat(2_000) + "1" + ")".repeat(2_000);
                for (String path : new String[] {"/query", "/query/csv"}) {
                    HttpResponse<String> page = analyst.post(path, form("csrf", token, "sql", sql));
                    assertThat(page.statusCode()).as(path).isEqualTo(400);
                    assertThat(page.body()).as(path).contains("<p class=\"error\" role=\"alert\">")
                            .contains("nested too deeply");
                }
            });
        }
    }

    @Test
    void the_csv_download_holds_the_same_rows() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                String token = csrfIn(analyst.get("/query").body());
                HttpResponse<String> csv = analyst.post("/query/csv", form("csrf", token, "sql",
                        "SELECT x, CASE x WHEN 1 THEN 'a,b' ELSE '=1+1' END AS t FROM SYSTEM_RANGE(1, 2) ORDER BY x"));
                assertThat(csv.statusCode()).isEqualTo(200);
                assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
                assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("attachment; filename=\"cskpi-query-").endsWith(".csv\""));
                assertThat(csv.body()).isEqualTo("x,t\r\n1,\"a,b\"\r\n2,'=1+1\r\n");
            });
        }
    }
}
