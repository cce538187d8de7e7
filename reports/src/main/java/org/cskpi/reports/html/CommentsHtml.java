package org.cskpi.reports.html;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cskpi.config.TicketUrl;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.NpsAnswer;

/**
 * The week's detractor comments, escaped: newest first, each with its ticket (linked to the help
 * desk when {@code report.ticket_url} is set) and the ticket's channel and category, and on the
 * web page a plain GET form that lists only one channel's or category's comments (no
 * JavaScript: {@code comments_channel} and {@code comments_category} in the query).
 */
final class CommentsHtml {

    /**
     * Detractor comments shown on the page, newest first; the JSON export has all of them. A
     * 1M-ticket store has ~3,000 a week, which made the page 600 KB and slow to build and read.
     */
    static final int MAX_COMMENTS = 100;
    static final String CHANNEL_PARAM = "comments_channel";
    static final String CATEGORY_PARAM = "comments_category";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    /** How to draw the section: the business zone, the ticket links, the filter and whether to offer its form. */
    record Options(ZoneId zone, TicketUrl ticketUrl, Filters filters, boolean form) {
    }

    private CommentsHtml() {
    }

    static void append(StringBuilder out, List<NpsAnswer> comments, Options options) {
        out.append("<section class=\"comments\" id=\"detractor-comments\"><h2>Detractor comments</h2>");
        if (comments.isEmpty()) {
            out.append("<p class=\"note\">No detractor left a comment this week.</p></section>\n");
            return;
        }
        Filters filters = options.filters();
        if (options.form()) {
            form(out, comments, filters);
        }
        List<NpsAnswer> listed = comments.stream().filter(a -> filters.listsComment(a.channel(), a.category())).toList();
        if (listed.isEmpty()) {
            out.append("<p class=\"note\">No detractor comment of this week matches the filter.</p></section>\n");
            return;
        }
        TableHtml.wrapStart(out, "Detractor comments");
        out.append("<table><thead><tr><th class=\"num\">Score</th>")
                .append("<th>Answered, ticket</th><th>Comment</th></tr></thead><tbody>");
        List<NpsAnswer> shown = listed.subList(0, Math.min(MAX_COMMENTS, listed.size()));
        for (NpsAnswer a : shown) {
            out.append("<tr><td class=\"num\">").append(a.score()).append("</td><td>")
                    .append("<span class=\"when\">").append(Html.text(WHEN.format(a.answeredAt().atZone(options.zone()))))
                    .append("</span> <span class=\"ticket\">");
            ticket(out, a.ticketId(), options.ticketUrl());
            out.append("</span>");
            facets(out, a);
            out.append("</td><td><blockquote>").append(Html.text(a.comment())).append("</blockquote></td></tr>");
        }
        out.append("</tbody></table></div>");
        if (listed.size() > shown.size()) {
            out.append("<p class=\"note\">The ").append(shown.size()).append(" newest of ").append(listed.size())
                    .append(" comments; the JSON export has them all.</p>");
        }
        out.append("</section>\n");
    }

    /**
     * The filter form. It submits to this page's own address with the section as fragment, and
     * carries the page's breakdown filter along, so only the comments change. Offered values are
     * those of the week's comments (and a chosen one, even when no comment has it).
     */
    private static void form(StringBuilder out, List<NpsAnswer> comments, Filters filters) {
        out.append("<form class=\"comment-filter\" method=\"get\" action=\"#detractor-comments\">");
        filters.channel().ifPresent(c -> hidden(out, "channel", c));
        filters.team().ifPresent(t -> hidden(out, "team", t));
        select(out, CHANNEL_PARAM, "Ticket channel", "All channels", values(comments, NpsAnswer::channel,
                filters.commentChannel()), filters.commentChannel());
        select(out, CATEGORY_PARAM, "Ticket category", "All categories", values(comments, NpsAnswer::category,
                filters.commentCategory()), filters.commentCategory());
        out.append("<div><button type=\"submit\">Filter comments</button></div></form>");
    }

    private static TreeSet<String> values(List<NpsAnswer> comments, Function<NpsAnswer, String> field,
                                          Optional<String> chosen) {
        TreeSet<String> values = new TreeSet<>();
        comments.stream().map(field).filter(Objects::nonNull).forEach(values::add);
        chosen.ifPresent(values::add);
        return values;
    }

    private static void hidden(StringBuilder out, String name, String value) {
        out.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(Html.text(value))
                .append("\">");
    }

    private static void select(StringBuilder out, String name, String label, String all, TreeSet<String> values,
                               Optional<String> chosen) {
        out.append("<div><label for=\"").append(name).append("\">").append(label).append("</label><select id=\"")
                .append(name).append("\" name=\"").append(name).append("\"><option value=\"\">").append(all)
                .append("</option>");
        for (String value : values) {
            out.append("<option value=\"").append(Html.text(value)).append("\"")
                    .append(chosen.equals(Optional.of(value)) ? " selected" : "").append(">")
                    .append(Html.text(value)).append("</option>");
        }
        out.append("</select></div>");
    }

    /** "chat · billing": the ticket's channel and category, where known. */
    private static void facets(StringBuilder out, NpsAnswer a) {
        String text = String.join(" \u00b7 ", Stream.of(a.channel(), a.category())
                .filter(Objects::nonNull).toList());
        if (!text.isEmpty()) {
            out.append("<span class=\"facets\">").append(Html.text(text)).append("</span>");
        }
    }

    /**
     * The ticket id, linked to the help desk when {@code report.ticket_url} is set: the config
     * accepted only an http(s) template and the id is percent-encoded into it, so the link can
     * only go where the template points; both are HTML-escaped here.
     */
    private static void ticket(StringBuilder out, String id, TicketUrl ticketUrl) {
        String text = Html.text(id == null ? "" : id);
        Optional<String> link = ticketUrl.link(id);
        if (link.isEmpty()) {
            out.append(text);
            return;
        }
        out.append("<a href=\"").append(Html.text(link.get())).append("\" rel=\"noreferrer\">")
                .append(text).append("</a>");
    }
}
