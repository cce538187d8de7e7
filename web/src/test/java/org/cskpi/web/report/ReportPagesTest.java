package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.config.TicketUrl;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.MutableClock;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report pages in the whole app (WebApp.create), over HTTP with a cookie-keeping client. */
class ReportPagesTest {

    private static final String HTML = "text/html";
    private static final Pattern VOLUME_TILE = Pattern.compile(
            "data-kpi=\"volume\"><div class=\"tile-label\">[^<]*</div><div class=\"tile-value\">([^<]*)</div>"
                    + "<div class=\"change (\\w+)\">([^<]*)</div>");

    private Store store;
    private MutableClock clock;
    private Javalin app;

    @BeforeEach
    void setUp() {
        store = TestWeb.store();
        clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        UserService users = new UserService(store.dsl(), TestApp.FAST_HASHER, clock);
        users.add("manager1", Role.MANAGER, TestApp.PASSWORD);
        users.add("analyst1", Role.ANALYST, TestApp.PASSWORD);
        users.add("admin1", Role.ADMIN, TestApp.PASSWORD);
        ReportStoreRows.fill(store.dsl());
        app = WebApp.create(WebDeps.of(TestWeb.config(1000), store, clock).withHasher(TestApp.FAST_HASHER));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void run(BiConsumer<Browser, Browser> test) {
        app.start("127.0.0.1", 0);
        try {
            test.accept(new Browser(app.port()), new Browser(app.port()));
        } finally {
            app.stop();
        }
    }

    private static Browser signedIn(Browser browser, String user) {
        assertThat(browser.logIn(user, TestApp.PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    /** Value, verdict class and change text of the volume tile. */
    private static List<String> volumeTile(String page) {
        Matcher m = VOLUME_TILE.matcher(page);
        assertThat(m.find()).as("volume tile in page").isTrue();
        return List.of(m.group(1), m.group(2), m.group(3));
    }

    @Test
    void every_page_needs_its_role_and_the_public_ones_stay_public() {
        run((anonymous, unused) -> {
            for (String path : List.of("/", "/reports/2026-W47", "/reports?week=2026-W46", "/query", "/admin/users")) {
                HttpResponse<String> response = anonymous.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/login?next=");
            }
            assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/s/no-such-token").statusCode()).isEqualTo(404);
            assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/api/kpis", "Accept", "application/json").statusCode()).isEqualTo(401);

            // path -> status for manager, analyst, admin
            List<List<Object>> table = List.of(
                    List.of("/", 200, 200, 200),
                    List.of("/reports/2026-W47", 200, 200, 200),
                    List.of("/api/kpis?week=2026-W47", 200, 200, 200),
                    List.of("/query", 403, 200, 200),
                    List.of("/admin/users", 403, 403, 200));
            List<String> roles = List.of("manager1", "analyst1", "admin1");
            for (int r = 0; r < roles.size(); r++) {
                Browser user = signedIn(new Browser(app.port()), roles.get(r));
                for (List<Object> row : table) {
                    assertThat(user.get((String) row.get(0), "Accept", HTML).statusCode())
                            .as(roles.get(r) + " " + row.get(0)).isEqualTo(row.get(r + 1));
                }
            }
        });
    }

    @Test
    void a_refused_page_is_a_friendly_page_with_the_reason_and_the_security_headers() {
        run((manager, unused) -> {
            signedIn(manager, "manager1");
            HttpResponse<String> refused = manager.get("/query", "Accept", HTML);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(refused.body()).contains("<h1>Not allowed</h1>").contains("This page needs the analyst role.")
                    .contains("href=\"/assets/app.css\"").doesNotContain("Exception");
            assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'").doesNotContain("unsafe-inline");
            // the JSON API keeps JSON errors
            HttpResponse<String> api = manager.get("/api/kpis?week=bad", "Accept", "application/json");
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(api.body()).doesNotContain("<html");
        });
    }

    @Test
    void home_shows_the_latest_complete_week_with_its_numbers() {
        run((manager, unused) -> {
            String page = signedIn(manager, "manager1").get("/", "Accept", HTML).body();
            // W48 is newer but incomplete; W47: 1,200 tickets, +20 % on W46's 1,000
            assertThat(page).contains("week 2026-W47");
            assertThat(volumeTile(page)).containsExactly("1,200", "neutral", "\u25b2 20% vs last week");
            assertThat(page).contains("<nav><a href=\"/\">Report</a>").doesNotContain("href=\"/query\"")
                    .contains("name=\"csrf\"").contains(">Log out</button>");
        });
    }

    @Test
    void channel_and_team_filters_change_the_numbers() {
        run((manager, unused) -> {
            signedIn(manager, "manager1");
            // chat: 300 on 200 = +50 %; Billing: 400 on 500 = -20 %
            assertThat(volumeTile(manager.get("/reports/2026-W47?channel=chat").body()))
                    .containsExactly("300", "neutral", "\u25b2 50% vs last week");
            assertThat(volumeTile(manager.get("/reports/2026-W47?team=Billing").body()))
                    .containsExactly("400", "neutral", "\u25bc 20% vs last week");
            // an empty choice is the whole operation, as the picker sends it
            assertThat(volumeTile(manager.get("/reports/2026-W47?channel=&team=").body()))
                    .containsExactly("1,200", "neutral", "\u25b2 20% vs last week");
        });
    }

    @Test
    void the_week_picker_lists_the_weeks_and_links_the_neighbours_keeping_the_filter() {
        run((manager, unused) -> {
            signedIn(manager, "manager1");
            String page = manager.get("/reports/2026-W47?channel=chat").body();
            assertThat(page).contains("<form class=\"card picker\" method=\"get\" action=\"/reports\">")
                    .containsSubsequence("<option value=\"2026-W48\">", "<option value=\"2026-W47\" selected>",
                            "<option value=\"2026-W46\">")
                    // W48 is not over at the cut-off
                    .contains("<option value=\"2026-W48\">2026-W48 \u00b7 23 Nov \u00b7 incomplete</option>")
                    .contains("<option value=\"2026-W47\" selected>2026-W47 \u00b7 16 Nov</option>")
                    .contains("<option value=\"chat\" selected>chat</option>")
                    .contains("<option value=\"Billing\">Billing</option>")
                    .contains("<a rel=\"prev\" href=\"/reports/2026-W46?channel=chat\">")
                    .contains("<a rel=\"next\" href=\"/reports/2026-W48?channel=chat\">");
            // the form's GET lands on /reports and is sent on to the week's page
            HttpResponse<String> picked = manager.get("/reports?week=2026-W46&channel=chat&team=");
            assertThat(picked.statusCode()).isEqualTo(303);
            assertThat(picked.headers().firstValue("Location")).hasValue("/reports/2026-W46?channel=chat");
            String oldest = manager.get("/reports/2026-W46").body();
            assertThat(oldest).doesNotContain("rel=\"prev\"").contains("<a rel=\"next\" href=\"/reports/2026-W47\">");
        });
    }

    @Test
    void the_page_says_what_data_it_shows_links_tickets_and_filters_comments_by_query_parameters() {
        ReportStoreRows.publishedWithComments(store.dsl());
        app = WebApp.create(WebDeps.of(TestWeb.config(1000).withTicketUrl(
                new TicketUrl(Optional.of("https://acme.zendesk.com/agent/tickets/{id}"))), store, clock)
                .withHasher(TestApp.FAST_HASHER));
        run((manager, unused) -> {
            signedIn(manager, "manager1");
            String page = manager.get("/reports/2026-W47?channel=chat").body();
            assertThat(page)
                    .contains("<p class=\"sub as-of\">Data as of Thu 26 Nov 2026 13:05 \u00b7 analysed Fri 27 Nov 2026 01:10</p>")
                    .contains("<a href=\"https://acme.zendesk.com/agent/tickets/4711\" rel=\"noreferrer\">4711</a>")
                    .contains("<a href=\"https://acme.zendesk.com/agent/tickets/A%2F7%20x\" rel=\"noreferrer\">A/7 x</a>")
                    .contains("<input type=\"hidden\" name=\"channel\" value=\"chat\">")
                    .contains("The chat kept me waiting", "Parcel lost twice", "Nobody called back");

            String email = manager.get("/reports/2026-W47?channel=chat&comments_channel=email").body();
            assertThat(email).contains("Parcel lost twice").doesNotContain("The chat kept me waiting", "Nobody called back")
                    .contains("<option value=\"email\" selected>email</option>")
                    // the breakdown filter still holds
                    .contains("<option value=\"chat\" selected>chat</option>");
            assertThat(manager.get("/?comments_category=billing").body())
                    .contains("The chat kept me waiting").doesNotContain("Parcel lost twice");
            assertThat(manager.get("/reports/2026-W47?comments_channel=chat&comments_channel=email", "Accept", HTML)
                    .statusCode()).isEqualTo(400);
            // W46's rows name no run
            assertThat(manager.get("/reports/2026-W46").body()).doesNotContain("as-of");
        });
    }

    @Test
    void each_chart_links_its_data_as_csv_with_the_pages_filter() {
        ReportStoreRows.hoverable(store.dsl());
        run((manager, stranger) -> {
            signedIn(manager, "manager1");
            assertThat(manager.get("/reports/2026-W47?channel=chat").body())
                    .contains("<a class=\"csv\" href=\"/reports/2026-W47/charts/busiest-hours.csv?channel=chat\" download>"
                            + "Data (CSV)<span class=\"visually-hidden\"> of Busiest hours, 2026-W47</span></a>");
            assertThat(manager.get("/").body())
                    .contains("<a class=\"csv\" href=\"/reports/2026-W47/charts/nps-trend.csv\" download>");

            HttpResponse<String> csv = manager.get("/reports/2026-W47/charts/busiest-hours.csv?channel=chat");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"busiest-hours-2026-W47.csv\"");
            List<String> lines = csv.body().lines().toList();
            // a header and 7 x 24 cells; Tuesday 11:00 had 20 tickets, inside business hours
            assertThat(lines).hasSize(1 + 168).startsWith("weekday,day,hour,tickets,is_business_hour")
                    .contains("2,Tue,11,20,true");
            // the NPS trend of the whole operation: W46 and W47 (the store's first week is W46)
            assertThat(manager.get("/reports/2026-W47/charts/nps-trend.csv").body()).contains("2026-W47").contains("11.5");

            assertThat(manager.get("/reports/2026-W47/charts/no-such-chart.csv", "Accept", HTML).statusCode())
                    .isEqualTo(404);
            assertThat(manager.get("/reports/2026-W47/charts/busiest-hours", "Accept", HTML).statusCode())
                    .isEqualTo(404);
            assertThat(manager.get("/reports/2026-W10/charts/busiest-hours.csv", "Accept", HTML).statusCode())
                    .isEqualTo(404);
            // signed out: sent to the login page, no data
            HttpResponse<String> anonymous = stranger.get("/reports/2026-W47/charts/busiest-hours.csv");
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.body()).doesNotContain("Tue");
        });
    }

    @Test
    void an_unknown_week_is_404_and_bad_text_or_filters_are_400() {
        run((manager, unused) -> {
            signedIn(manager, "manager1");
            HttpResponse<String> unknown = manager.get("/reports/2026-W10", "Accept", HTML);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("There are no KPIs for week 2026-W10");
            List<List<String>> bad = List.of(
                    List.of("/reports/last-week", "is not of the form YYYY-Www"),
                    List.of("/reports/2026-W54", "does not exist in 2026"),
                    List.of("/reports?week=W47", "is not of the form YYYY-Www"),
                    List.of("/reports/2026-W47?channel=chat&team=Billing", "choose a channel or a team, not both"),
                    List.of("/reports/2026-W47?channel=%3Cscript%3E", "There is no channel &#39;&lt;script&gt;&#39;"));
            for (List<String> row : bad) {
                HttpResponse<String> response = manager.get(row.get(0), "Accept", HTML);
                assertThat(response.statusCode()).as(row.get(0)).isEqualTo(400);
                assertThat(response.body()).as(row.get(0)).contains(row.get(1)).doesNotContain("<script>");
            }
            assertThat(manager.get("/no-such-page", "Accept", HTML).body()).contains("<h1>Not found</h1>");
        });
    }

    @Test
    void the_page_links_its_scripts_from_the_app_and_has_no_inline_script() {
        run((manager, unused) -> {
            String page = signedIn(manager, "manager1").get("/").body();
            assertThat(page).contains("<script src=\"/assets/echarts.min.js\"></script>")
                    .contains("<script src=\"/assets/cskpi-report.js\"></script>")
                    .contains("<link rel=\"stylesheet\" href=\"/assets/cskpi-report.css\">")
                    .doesNotContain("<style").doesNotContain("http://").doesNotContain("https://");
            // every <script> either loads a file or is inert JSON
            assertThat(Pattern.compile("<script(?![^>]*(src=|type=\"application/json\"))").matcher(page).find()).isFalse();
            HttpResponse<String> echarts = manager.get("/assets/echarts.min.js");
            assertThat(echarts.statusCode()).isEqualTo(200);
            assertThat(echarts.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
            assertThat(echarts.body()).contains("echarts");
            assertThat(manager.get("/assets/secret.js").statusCode()).isEqualTo(404);
        });
    }

    @Test
    void a_new_analyze_run_shows_its_numbers_at_once_despite_the_page_cache() {
        run((manager, unused) -> {
            signedIn(manager, "manager1");
            assertThat(volumeTile(manager.get("/").body()).get(0)).isEqualTo("1,200");
            // as AnalyzeJob: the run starts, minutes later the KPIs are published, then the run finishes
            RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
            long run = runs.start("analyze");
            assertThat(volumeTile(manager.get("/").body()).get(0)).as("run started, nothing published").isEqualTo("1,200");
            store.dsl().update(KPI_WEEKLY).set(KPI_WEEKLY.VALUE, 1300.0)
                    .where(KPI_WEEKLY.WEEK.eq("2026-W47"), KPI_WEEKLY.BREAKDOWN.eq("all")).execute();
            assertThat(volumeTile(manager.get("/").body()).get(0)).as("run not finished: cached").isEqualTo("1,200");
            runs.succeeded(run, RunLog.Counts.NONE, "published");
            // W47 now 1,300 tickets, +30 % on W46's 1,000
            assertThat(volumeTile(manager.get("/").body())).containsExactly("1,300", "neutral", "\u25b2 30% vs last week");
        });
    }

    @Test
    void an_empty_store_shows_how_to_fill_it() {
        store.dsl().deleteFrom(org.cskpi.store.jooq.Tables.KPI_WEEKLY).execute();
        run((manager, unused) -> {
            HttpResponse<String> home = signedIn(manager, "manager1").get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("No report yet").contains("./cskpi analyze");
        });
    }
}
