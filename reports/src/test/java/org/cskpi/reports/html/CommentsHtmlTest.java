package org.cskpi.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.cskpi.config.TicketUrl;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.NpsAnswer;
import org.junit.jupiter.api.Test;

class CommentsHtmlTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** {@code n} detractor comments "comment 0" (newest) .. "comment n-1", newest first as the store gives them. */
    private static List<NpsAnswer> comments(int n) {
        Instant newest = Instant.parse("2026-11-20T12:00:00Z");
        return IntStream.range(0, n)
                .mapToObj(i -> new NpsAnswer(3, "comment " + i, "t" + i, "en", newest.minusSeconds(60L * i)))
                .toList();
    }

    private static String html(List<NpsAnswer> comments) {
        StringBuilder out = new StringBuilder();
        CommentsHtml.append(out, comments, new CommentsHtml.Options(OSLO, TicketUrl.NONE, Filters.none(), false));
        return out.toString();
    }

    @Test
    void the_page_shows_the_100_newest_comments_and_says_how_many_there_are() {
        String html = html(comments(105));
        assertThat(html.split("<blockquote>", -1)).hasSize(101);
        assertThat(html).contains("<blockquote>comment 0</blockquote>").contains("<blockquote>comment 99</blockquote>")
                .doesNotContain("<blockquote>comment 100</blockquote>")
                .contains("The 100 newest of 105 comments; the JSON export has them all.");
    }

    @Test
    void up_to_100_comments_are_all_shown_without_a_note() {
        String html = html(comments(100));
        assertThat(html.split("<blockquote>", -1)).hasSize(101);
        assertThat(html).doesNotContain("newest of");
    }

    @Test
    void a_keyboard_can_reach_the_table_when_it_scrolls_sideways_on_a_phone() {
        assertThat(html(comments(1)))
                .contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Detractor comments\">");
    }

    @Test
    void ticket_ids_link_to_the_help_desk_escaped_when_a_ticket_url_is_set() {
        Instant at = Instant.parse("2026-11-20T12:00:00Z");
        List<NpsAnswer> answers = List.of(new NpsAnswer(2, "slow", "4711", "en", at),
                new NpsAnswer(3, "rude", "a\"><script>x</script>", "en", at), new NpsAnswer(1, "bad", null, "en", at));
        StringBuilder out = new StringBuilder();
        CommentsHtml.append(out, answers, new CommentsHtml.Options(OSLO,
                new TicketUrl(Optional.of("https://acme.zendesk.com/agent/tickets/{id}?from=kpi&x=1")),
                Filters.none(), false));
        assertThat(out.toString())
                .contains("<a href=\"https://acme.zendesk.com/agent/tickets/4711?from=kpi&amp;x=1\" rel=\"noreferrer\">4711</a>")
                .contains("<a href=\"https://acme.zendesk.com/agent/tickets/a%22%3E%3Cscript%3Ex%3C%2Fscript%3E?from=kpi&amp;x=1\""
                        + " rel=\"noreferrer\">a&quot;&gt;&lt;script&gt;x&lt;/script&gt;</a>")
                .doesNotContain("<script>")
                // an answer without a ticket has nothing to link
                .contains("<span class=\"ticket\"></span>");
        assertThat(html(comments(1))).contains("<span class=\"ticket\">t0</span>").doesNotContain("<a ");
    }

    @Test
    void the_filter_lists_one_channels_or_categorys_comments_and_keeps_the_pages_breakdown() {
        Instant at = Instant.parse("2026-11-20T12:00:00Z");
        List<NpsAnswer> answers = List.of(new NpsAnswer(2, "slow chat", "1", "en", at, "chat", "billing"),
                new NpsAnswer(3, "lost mail", "2", "en", at, "email", "shipping"),
                new NpsAnswer(1, "chat <again>", "3", "en", at, "chat", "shipping"),
                new NpsAnswer(0, "not analysed yet", "4", "en", at));
        Filters chat = Filters.team("Tech <Support>").withComments(Optional.of("chat"), Optional.empty());
        String html = filtered(answers, chat);
        assertThat(html).contains("<form class=\"comment-filter\" method=\"get\" action=\"#detractor-comments\">"
                        + "<input type=\"hidden\" name=\"team\" value=\"Tech &lt;Support&gt;\">")
                .containsSubsequence("<select id=\"comments_channel\" name=\"comments_channel\">",
                        "<option value=\"\">All channels</option>", "<option value=\"chat\" selected>chat</option>",
                        "<option value=\"email\">email</option>", "</select>")
                .containsSubsequence("<select id=\"comments_category\" name=\"comments_category\">",
                        "<option value=\"\">All categories</option>", "<option value=\"billing\">billing</option>",
                        "<option value=\"shipping\">shipping</option>")
                .contains("<blockquote>slow chat</blockquote>", "<blockquote>chat &lt;again&gt;</blockquote>",
                        "<span class=\"facets\">chat \u00b7 billing</span>")
                .doesNotContain("lost mail", "not analysed yet");

        String both = filtered(answers, Filters.none().withComments(Optional.of("chat"), Optional.of("shipping")));
        assertThat(both).contains("chat &lt;again&gt;").doesNotContain("slow chat", "lost mail", "type=\"hidden\"");
        assertThat(filtered(answers, Filters.none().withComments(Optional.of("phone"), Optional.empty())))
                .contains("<option value=\"phone\" selected>phone</option>")
                .contains("No detractor comment of this week matches the filter.").doesNotContain("<blockquote>");
        assertThat(filtered(answers, Filters.none())).contains("not analysed yet", "lost mail", "slow chat");
        assertThat(html(answers)).as("the offline file has no form").doesNotContain("<form");
    }

    private static String filtered(List<NpsAnswer> answers, Filters filters) {
        StringBuilder out = new StringBuilder();
        CommentsHtml.append(out, answers, new CommentsHtml.Options(OSLO, TicketUrl.NONE, filters, true));
        return out.toString();
    }
}
