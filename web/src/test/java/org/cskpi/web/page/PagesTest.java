package org.cskpi.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pebbletemplates.pebble.error.PebbleException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagesTest {

    private final Pages pages = new Pages();

    private static Frame signedIn(String username, Role role) {
        return new Frame("Report", Optional.of(new User(1, username, role, OffsetDateTime.parse("2026-11-20T10:00:00Z"))), "tok");
    }

    @Test
    void every_page_has_a_footer_linking_the_api_description() {
        String page = pages.render("report/empty", Frame.anonymous("Report"), Map.of());
        assertThat(page).containsPattern("</main><footer[^>]*>.*<a href=\"/api/openapi.json\">[^<]+</a>.*</footer>");
    }

    @ParameterizedTest
    @CsvSource({"MANAGER, false, false", "ANALYST, true, false", "ADMIN, true, true"})
    void the_frame_links_what_the_role_may_open_and_logs_out_with_the_token(Role role, boolean query, boolean users) {
        String page = pages.render("report/empty", signedIn("ann", role), Map.of());
        assertThat(page).contains("<nav><a href=\"/\">Report</a>")
                .contains("<form method=\"post\" action=\"/logout\" class=\"logout\"><input type=\"hidden\" name=\"csrf\" value=\"tok\">")
                .contains("<span class=\"who\">ann (" + role.dbName() + ")</span>");
        assertThat(page.contains("<a href=\"/query\">Query</a>")).isEqualTo(query);
        assertThat(page.contains("<a href=\"/admin/users\">Users</a>")).isEqualTo(users);
    }

    @Test
    void a_page_for_nobody_has_no_navigation() {
        String page = pages.render("report/empty", Frame.anonymous("Report"), Map.of());
        assertThat(page).contains("<header class=\"top\"><a class=\"brand\" href=\"/\">cskpi</a></header>")
                .doesNotContain("<nav>").doesNotContain("logout");
    }

    @Test
    void every_value_is_escaped_for_html() {
        String page = pages.render("ops/error", signedIn("a\"b", Role.MANAGER), Map.of("status", 400,
                "message", "<script>alert('x')</script> & more"));
        assertThat(page).contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</p>")
                .contains("a&quot;b (manager)").doesNotContain("<script>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401 | <p><a href=\"/login\">Sign in</a></p>",
            "429 | <p>Wait a minute, then <a href=\"/\">try again</a>.</p>",
            "404 | <p><a href=\"/\">Back to the latest report</a></p>"})
    void an_error_page_says_where_to_go_next(int status, String next) {
        String page = pages.render("ops/error", Frame.anonymous("Oops"), Map.of("status", status, "message", ""));
        assertThat(page).contains("<div class=\"card notice\"><h1>Oops</h1>" + next + "<p class=\"meta\">HTTP " + status + "</p></div>");
    }

    @Test
    void staff_and_survey_pages_share_the_one_skeleton() {
        String skeleton = "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
        String staff = pages.render("report/empty", Frame.anonymous("Report"), Map.of());
        String survey = pages.render("survey/notice", Map.of("lang", "nb", "brand", "Acme",
                "t", Map.of("title", "Survey"), "heading", "Gone", "body", "This link has expired."));
        assertThat(staff).startsWith(skeleton.formatted("en")).endsWith("</body></html>\n");
        assertThat(survey).startsWith(skeleton.formatted("nb")).endsWith("</body></html>\n")
                .contains("<title>Survey</title>").contains("<p class=\"brand\">Acme</p>");
    }

    @Test
    void a_misspelt_variable_fails_the_render_instead_of_showing_nothing() {
        Map<String, Object> noHeading = Map.of("lang", "en", "brand", "Acme", "t", Map.of("title", "Survey"),
                "body", "This link has expired.");
        assertThatThrownBy(() -> pages.render("survey/notice", noHeading))
                .isInstanceOf(PebbleException.class).hasMessageContaining("heading");
    }
}
