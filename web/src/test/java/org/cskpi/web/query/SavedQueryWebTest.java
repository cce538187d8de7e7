package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.web.testing.Browser.csrfIn;
import static org.cskpi.web.testing.Browser.form;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.cskpi.web.auth.Role;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.SqlServerProcess;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Saved queries, share links and the history of /query over HTTP, with a real SQL service. */
@ExtendWith(SqlServerProcess.class)
class SavedQueryWebTest {

    private static final Pattern SAVED_LINK = Pattern.compile("/query/saved/([A-Za-z0-9_-]{43})");
    private static final Pattern HISTORY_ITEM = Pattern.compile("<li><a href=\"/query/history/(\\d+)\"><code>([^<]*)</code>");

    private interface Session {
        void run(TestApp app, Browser analyst, String csrf, int port) throws Exception;
    }

    private static void asAnalyst(SqlServerProcess.Running service, Session session) {
        try (TestApp t = new TestApp(false, new SqlService(service.settings(), 60, 100))) {
            t.users.add("analyst2", Role.ANALYST, TestApp.PASSWORD);
            JavalinTest.test(t.app, (server, client) -> {
                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                session.run(t, analyst, csrfIn(analyst.get("/query").body()), server.port());
            });
        }
    }

    private static Browser signedIn(int port, String user) {
        Browser browser = new Browser(port);
        assertThat(browser.logIn(user, TestApp.PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    private static String savedId(HttpResponse<String> saved) {
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        Matcher m = SAVED_LINK.matcher(location);
        assertThat(m.matches()).as(location).isTrue();
        return m.group(1);
    }

    @Test
    void a_saved_query_is_listed_shared_with_analysts_and_deleted_only_by_its_owner(SqlServerProcess.Running service) {
        asAnalyst(service, (t, analyst, csrf, port) -> {
            String sql = "SELECT id, 'a<b' AS t FROM range(2)";
            String id = savedId(analyst.post("/query/saved", form("csrf", csrf, "name", "Two <rows>", "sql", sql)));

            HttpResponse<String> opened = analyst.get("/query/saved/" + id);
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).contains(">SELECT id, &#39;a&lt;b&#39; AS t FROM range(2)</textarea>")
                    .contains("Saved query <strong>Two &lt;rows&gt;</strong> by analyst1")
                    .contains("<a class=\"share\" href=\"/query/saved/" + id + "\">")
                    .contains("name=\"name\" maxlength=\"100\" value=\"Two &lt;rows&gt;\"");
            assertThat(analyst.get("/query").body())
                    .contains("<li><a href=\"/query/saved/" + id + "\">Two &lt;rows&gt;</a>")
                    .contains("action=\"/query/saved/" + id + "/delete\"");

            Browser other = signedIn(port, "analyst2");
            String otherCsrf = csrfIn(other.get("/query").body());
            HttpResponse<String> shared = other.get("/query/saved/" + id);
            assertThat(shared.statusCode()).isEqualTo(200);
            assertThat(shared.body()).contains(">SELECT id, &#39;a&lt;b&#39; AS t FROM range(2)</textarea>")
                    .contains("by analyst1").contains("name=\"name\" maxlength=\"100\" value=\"\"");
            assertThat(other.get("/query").body()).doesNotContain("/query/saved/" + id);
            HttpResponse<String> refused = other.post("/query/saved/" + id + "/delete", form("csrf", otherCsrf));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Only analyst1, who saved this query, can delete it.")
                    .contains("<a href=\"/query\">Query</a>");
            assertThat(other.get("/query/saved/" + id).statusCode()).isEqualTo(200);

            HttpResponse<String> deleted = analyst.post("/query/saved/" + id + "/delete", form("csrf", csrf));
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(deleted.headers().firstValue("Location")).contains("/query");
            HttpResponse<String> gone = other.get("/query/saved/" + id);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("No saved query has this link");
            assertThat(analyst.get("/query").body()).doesNotContain("/query/saved/" + id);
        });
    }

    @Test
    void saving_needs_a_name_of_at_most_100_characters_and_the_csrf_token(SqlServerProcess.Running service) {
        asAnalyst(service, (t, analyst, csrf, port) -> {
            HttpResponse<String> blank = analyst.post("/query/saved", form("csrf", csrf, "name", "  ", "sql", "SELECT 42"));
            assertThat(blank.statusCode()).isEqualTo(400);
            assertThat(blank.body()).contains("<p class=\"error\" role=\"alert\">Give the query a name to save it under.</p>")
                    .contains(">SELECT 42</textarea>");
            String long101 = "n".repeat(101);
            HttpResponse<String> tooLong = analyst.post("/query/saved", form("csrf", csrf, "name", long101, "sql", "SELECT 42"));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("The name is longer than 100 characters.")
                    .contains("value=\"" + long101 + "\"");
            HttpResponse<String> noToken = analyst.post("/query/saved", form("name", "x", "sql", "SELECT 42"));
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(analyst.get("/query").body()).contains("<p class=\"none\">None yet.");

            String id = savedId(analyst.post("/query/saved", form("csrf", csrf, "name", "n".repeat(100), "sql", "SELECT 42")));
            assertThat(analyst.get("/query/saved/" + id).body()).contains(">SELECT 42</textarea>");
        });
    }

    @Test
    void a_manager_reaches_none_of_it_and_a_stranger_is_sent_to_sign_in(SqlServerProcess.Running service) {
        asAnalyst(service, (t, analyst, csrf, port) -> {
            String id = savedId(analyst.post("/query/saved", form("csrf", csrf, "name", "mine", "sql", "SELECT 1")));
            analyst.post("/query", form("csrf", csrf, "sql", "SELECT 1"));

            Browser manager = signedIn(port, "manager1");
            String managerCsrf = "the role is checked first";
            assertThat(manager.get("/query/saved/" + id).statusCode()).isEqualTo(403);
            assertThat(manager.get("/query/history/1").statusCode()).isEqualTo(403);
            assertThat(manager.post("/query/saved", form("csrf", managerCsrf, "name", "x", "sql", "SELECT 1"))
                    .statusCode()).isEqualTo(403);
            assertThat(manager.post("/query/saved/" + id + "/delete", form("csrf", managerCsrf)).statusCode()).isEqualTo(403);

            // Far past the request limit. The guard reads and drops such a body before it refuses
            // it (UnreadBody): answered mid-upload and closed, the client may see a reset
            // connection instead of the status (it did once, under load, with 100 KB).
            String tooLong = "SELECT " + "a".repeat(900_000);
            assertThat(manager.post("/query", form("csrf", managerCsrf, "sql", tooLong)).statusCode()).isEqualTo(403);
            assertThat(new Browser(port).post("/query", form("csrf", "none", "sql", tooLong)).statusCode()).isEqualTo(401);

            HttpResponse<String> stranger = new Browser(port).get("/query/saved/" + id);
            assertThat(stranger.statusCode()).isEqualTo(302);
            assertThat(stranger.headers().firstValue("Location")).contains("/login?next=%2Fquery%2Fsaved%2F" + id);
            assertThat(analyst.get("/query/saved/" + id).statusCode()).isEqualTo(200);
        });
    }

    @Test
    void every_run_goes_into_the_history_and_loads_back_into_the_editor(SqlServerProcess.Running service) {
        asAnalyst(service, (t, analyst, csrf, port) -> {
            analyst.post("/query", form("csrf", csrf, "sql", "SELECT id FROM range(3)"));
            analyst.post("/query", form("csrf", csrf, "sql", "SELECT no_such_column FROM tickets"));
            analyst.post("/query/csv", form("csrf", csrf, "sql", "SELECT 'x' AS\n  t"));

            String page = analyst.get("/query").body();
            List<String[]> items = historyItems(page);
            assertThat(items).extracting(item -> item[1])
                    .containsExactly("SELECT &#39;x&#39; AS t", "SELECT no_such_column FROM tickets", "SELECT id FROM range(3)");
            assertThat(page).contains("<span class=\"outcome\">3 rows</span>").contains("<span class=\"outcome\">1 row</span>")
                    .containsPattern("<span class=\"outcome failed\">\\[UNRESOLVED_COLUMN[^<]*</span>");

            HttpResponse<String> loaded = analyst.get("/query/history/" + items.get(0)[0]);
            assertThat(loaded.statusCode()).isEqualTo(200);
            assertThat(loaded.body()).contains(">SELECT &#39;x&#39; AS\n  t</textarea>").doesNotContain("table class=\"result\"");

            Browser other = signedIn(port, "analyst2");
            assertThat(other.get("/query/history/" + items.get(0)[0]).statusCode()).isEqualTo(404);
            assertThat(historyItems(other.get("/query").body())).isEmpty();
        });
    }

    @Test
    void the_page_lists_the_newest_20_runs(SqlServerProcess.Running service) {
        asAnalyst(service, (t, analyst, csrf, port) -> {
            long id = t.users.find("analyst1").orElseThrow().id();
            QueryHistory history = new QueryHistory(t.store.dsl(), t.clock);
            IntStream.range(0, 24).forEach(i -> history.recordRows(id, "SELECT " + i, 1, false));
            analyst.post("/query", form("csrf", csrf, "sql", "SELECT 24"));

            assertThat(historyItems(analyst.get("/query").body())).extracting(item -> item[1])
                    .containsExactlyElementsOf(IntStream.iterate(24, i -> i >= 5, i -> i - 1).mapToObj(i -> "SELECT " + i).toList());
        });
    }

    /** The history's items on a page: {id, preview}. */
    private static List<String[]> historyItems(String page) {
        Matcher m = HISTORY_ITEM.matcher(page);
        List<String[]> items = new ArrayList<>();
        while (m.find()) {
            items.add(new String[] {m.group(1), m.group(2)});
        }
        return items;
    }
}
