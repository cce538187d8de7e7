package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.web.testing.Browser.csrfIn;
import static org.cskpi.web.testing.Browser.form;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.web.WebApp;
import org.cskpi.web.auth.Role;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.SqlServerProcess;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /query against a real SQL service (a cskpi sql-server process over an empty warehouse). */
@ExtendWith(SqlServerProcess.class)
class QueryWebTest {

    private interface Session {
        void run(Browser analyst, String csrf) throws Exception;
    }

    private static void asAnalyst(CskpiConfig.SqlServer service, int maxRows, Session session) {
        // The page waits 60 s: the service's own 3 s limit is what stops a long query here.
        try (TestApp t = new TestApp(false, new SqlService(service, 60, maxRows))) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                session.run(analyst, csrfIn(analyst.get("/query").body()));
            });
        }
    }

    @Test
    void counts_the_tickets_and_escapes_every_cell(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            HttpResponse<String> count = analyst.post("/query", form("csrf", csrf, "sql", "select count(*) from tickets"));
            assertThat(count.statusCode()).isEqualTo(200);
            assertThat(count.body()).contains("<th>count(1)</th>").contains("<td class=\"num\">0</td>");

            HttpResponse<String> page = analyst.post("/query",
                    form("csrf", csrf, "sql", "SELECT '<script>alert(1)</script>' AS `<b>`, 42 AS n, NULL AS z"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<th>&lt;b&gt;</th>")
                    .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">42</td>")
                    .contains("<span class=\"null\">null</span>")
                    .contains("1 row in")
                    .doesNotContain("<script>");
        });
    }

    @Test
    void the_schema_browser_lists_the_views_with_types_and_row_counts(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            String page = analyst.get("/query").body();
            assertThat(page).contains("survey_invitations").contains("<code>ticket_id</code> <span class=\"type\">string</span>")
                    .contains("tickets <span class=\"count\">0 rows</span>")
                    .doesNotContain("token");
        });
    }

    @Test
    void writes_and_reflection_are_refused_by_the_service_and_the_text_stays(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            HttpResponse<String> drop = analyst.post("/query", form("csrf", csrf, "sql", "DROP VIEW IF EXISTS kpi_weekly"));
            assertThat(drop.statusCode()).isEqualTo(400);
            assertThat(drop.body()).contains("Refused: only queries run on this service")
                    .contains(">DROP VIEW IF EXISTS kpi_weekly</textarea>");
            HttpResponse<String> reflect = analyst.post("/query", form("csrf", csrf, "sql",
                    "select java_method('java.lang.System','getProperty','user.name')"));
            assertThat(reflect.statusCode()).isEqualTo(400);
            assertThat(reflect.body()).contains("Refused: the reflection functions");
        });
    }

    @Test
    void an_analysts_settings_last_for_their_later_queries_and_reach_no_other_analyst(SqlServerProcess.Running service) {
        try (TestApp t = new TestApp(false, new SqlService(service.settings(), 60, 100))) {
            t.users.add("analyst2", Role.ANALYST, TestApp.PASSWORD);
            JavalinTest.test(t.app, (server, client) -> {
                Browser ann = new Browser(server.port());
                ann.logIn("analyst1", TestApp.PASSWORD);
                String annCsrf = csrfIn(ann.get("/query").body());
                Browser bob = new Browser(server.port());
                bob.logIn("analyst2", TestApp.PASSWORD);
                String bobCsrf = csrfIn(bob.get("/query").body());

                HttpResponse<String> set = ann.post("/query",
                        form("csrf", annCsrf, "sql", "SET spark.sql.session.timeZone = America/Chicago"));
                assertThat(set.statusCode()).isEqualTo(200);
                String zone = "SELECT current_timezone() AS zone";
                assertThat(ann.post("/query", form("csrf", annCsrf, "sql", zone)).body())
                        .contains("<td>America/Chicago</td>");
                assertThat(bob.post("/query", form("csrf", bobCsrf, "sql", zone)).body())
                        .contains("<th>zone</th>").doesNotContain("America/Chicago");
            });
        }
    }

    @Test
    void a_syntax_error_is_one_line_with_its_position(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            HttpResponse<String> page = analyst.post("/query", form("csrf", csrf, "sql",
                    "SELECT ticket_id\nFROM tickets WHERE no_such_column = 1"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).containsPattern(
                    "<p class=\"error\" role=\"alert\">\\[UNRESOLVED_COLUMN[^<\\n]*(\\(line 2, position 20\\)|line 2 pos 19)[^<\\n]*</p>");
        });
    }

    @Test
    void more_rows_than_the_cap_are_flagged_and_a_long_query_is_stopped(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            HttpResponse<String> many = analyst.post("/query", form("csrf", csrf, "sql", "SELECT id FROM range(150)"));
            assertThat(many.body()).contains("100 rows in").contains("more rows exist");
            HttpResponse<String> slow = analyst.post("/query", form("csrf", csrf, "sql",
                    "SELECT max(id % 1000) FROM range(0, 1000000000000)"));
            assertThat(slow.statusCode()).isEqualTo(400);
            assertThat(slow.body()).contains("the query ran longer than 3 s and was stopped");
        });
    }

    @Test
    void without_script_the_pager_posts_the_query_again_for_the_next_500_rows(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 2000, (analyst, csrf) -> {
            String sql = "SELECT id FROM range(1, 1201) ORDER BY id";
            String first = analyst.post("/query", form("csrf", csrf, "sql", sql)).body();
            assertThat(first).contains("rows 1–500 of 1200").contains("<tbody><tr><td class=\"num\">1</td></tr>")
                    .contains("<td class=\"num\">500</td></tr></tbody>")
                    .contains("name=\"page\" value=\"2\" data-page=\"next\">")
                    .contains("<input type=\"hidden\" name=\"sql\" value=\"" + sql + "\">");
            // the whole result, for the page's script to page, sort and chart
            assertThat(first).contains("<script type=\"application/json\" id=\"query-data\" data-page=\"1\">")
                    .contains("[\"1199\"],[\"1200\"]],\"truncated\":false}</script>");

            String second = analyst.post("/query", form("csrf", csrf, "sql", sql, "page", "2")).body();
            assertThat(second).contains("rows 501–1000 of 1200").contains("<tbody><tr><td class=\"num\">501</td></tr>")
                    .contains("<td class=\"num\">1000</td></tr></tbody>").doesNotContain("<td class=\"num\">1001</td>")
                    .contains("data-page=\"2\">");
        });
    }

    @Test
    void a_query_above_the_request_limit_comes_back_on_the_page_with_its_first_part(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            String sql = "SELECT " + "a".repeat(100_000);
            int kept = (int) WebApp.MAX_REQUEST_BYTES - ("csrf=" + csrf + "&sql=").length();

            HttpResponse<String> page = analyst.post("/query", form("csrf", csrf, "sql", sql));

            assertThat(page.statusCode()).isEqualTo(413);
            assertThat(page.body())
                    .contains("<p class=\"error\" role=\"alert\">The query is too long: the page accepts at most 64 KiB "
                            + "per request and this one had 98 KiB. The editor keeps its first " + String.format("%,d", kept)
                            + " characters.</p>")
                    .contains(">" + sql.substring(0, kept) + "</textarea>")
                    .doesNotContain(sql.substring(0, kept + 1))
                    .contains("<a href=\"/query\">Query</a>").contains("<summary>tickets");
            assertThat(analyst.get("/query").body()).as("not a run: not in the history").doesNotContain("/query/history/");

            HttpResponse<String> save = analyst.post("/query/saved", form("csrf", csrf, "name", "big", "sql", sql));
            assertThat(save.statusCode()).isEqualTo(413);
            assertThat(save.body()).contains("The query is too long").contains(">SELECT aaaa");
        });
    }

    @Test
    void a_too_long_query_still_needs_the_token_and_the_role(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            String sql = "SELECT '" + "ø".repeat(40_000) + "'";
            HttpResponse<String> page = analyst.post("/query", form("csrf", csrf, "sql", sql));
            assertThat(page.statusCode()).isEqualTo(413);
            assertThat(page.body()).containsPattern(">SELECT &#39;(ø){10000,}</textarea>");

            assertThat(analyst.post("/query", form("csrf", "wrong", "sql", sql)).statusCode()).isEqualTo(403);
            assertThat(analyst.post("/query", form("sql", sql, "csrf", csrf)).statusCode())
                    .as("the token after the cut").isEqualTo(403);
        });
    }

    @Test
    void the_csv_download_holds_the_same_rows(SqlServerProcess.Running service) {
        asAnalyst(service.settings(), 100, (analyst, csrf) -> {
            HttpResponse<String> csv = analyst.post("/query/csv", form("csrf", csrf, "sql",
                    "SELECT id AS x, CASE id WHEN 1 THEN 'a,b' ELSE '=1+1' END AS t FROM range(1, 3) ORDER BY x"));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("attachment; filename=\"cskpi-query-").endsWith(".csv\""));
            assertThat(csv.body()).isEqualTo("x,t\r\n1,\"a,b\"\r\n2,'=1+1\r\n");
        });
    }

    @Test
    void a_wrong_token_is_named(SqlServerProcess.Running service) {
        CskpiConfig.SqlServer s = service.settings();
        CskpiConfig.SqlServer wrong = new CskpiConfig.SqlServer(s.host(), s.port(), Optional.of("not-the-token-0123456"),
                false, s.queryTimeoutSeconds(), s.maxRows());
        asAnalyst(wrong, 100, (analyst, csrf) -> {
            HttpResponse<String> page = analyst.post("/query", form("csrf", csrf, "sql", "SELECT 1"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("The SQL service refused the web app&#39;s token");
        });
    }

    @Test
    void with_the_service_down_the_page_says_so_in_one_line_and_the_app_goes_on() {
        asAnalyst(TestApp.NO_SQL_SERVER, 100, (analyst, csrf) -> {
            HttpResponse<String> shown = analyst.get("/query");
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("The SQL service is not running at sc://127.0.0.1:1")
                    .contains("<summary>kpi_weekly");
            HttpResponse<String> run = analyst.post("/query", form("csrf", csrf, "sql", "SELECT 1"));
            assertThat(run.statusCode()).isEqualTo(400);
            assertThat(run.body()).contains(">SELECT 1</textarea>").contains("The SQL service is not running");
            assertThat(analyst.get("/api/openapi.json").statusCode()).isEqualTo(200);
        });
    }
}
