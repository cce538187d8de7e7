package org.cskpi.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.cskpi.reports.data.NpsAnswer;
import org.junit.jupiter.api.Test;

class TableHtmlTest {

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
        TableHtml.comments(out, comments, OSLO);
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
}
