package org.cskpi.web.report;

import static org.cskpi.web.page.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.IsoWeek;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.reports.html.ReportAssets;
import org.cskpi.web.auth.User;
import org.cskpi.web.page.Assets;
import org.cskpi.web.page.Layout;

/**
 * The report page: the app's layout, a week picker and breakdown filters (a plain GET form, so
 * it works without JavaScript), then the same content as the HTML report file
 * ({@link HtmlReport#body}) with its scripts linked from the app (never inline, never a CDN).
 */
final class ReportPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final Layout.Assets PAGE_ASSETS = new Layout.Assets(
            List.of(Assets.url(ReportAssets.STYLESHEET)),
            List.of(Assets.url(ReportAssets.ECHARTS), Assets.url(ReportAssets.STARTER)));

    /** What the picker offers: weeks newest first, channel and team names. */
    record Choices(List<IsoWeek> weeks, List<String> channels, List<String> teams) {
    }

    private ReportPage() {
    }

    /** Picker and report: the same for every reader, so {@link ReportCache} keeps it. */
    static String content(WeeklyReport report, Choices choices) {
        return picker(report.week(), report.filters(), choices)
                + "<div class=\"report\">" + HtmlReport.body(report) + "</div>";
    }

    /** {@link #content} in the reader's frame (navigation by role, logout form with their token). */
    static String render(IsoWeek week, String content, User user, String csrf) {
        return Layout.page("Week " + week, Optional.of(user), csrf, content, PAGE_ASSETS);
    }

    static String empty(User user, String csrf) {
        return Layout.page("Report", Optional.of(user), csrf, "<div class=\"card\"><h1>No report yet</h1>"
                + "<p>The KPI store has no weekly KPIs. Run <code>./cskpi ingest</code> and "
                + "<code>./cskpi analyze</code>, then reload this page.</p></div>");
    }

    /** The page of {@code week} with {@code filters}, as a link. */
    static String href(IsoWeek week, Filters filters) {
        String query = filters.channel().map(c -> "?channel=" + enc(c))
                .or(() -> filters.team().map(t -> "?team=" + enc(t))).orElse("");
        return "/reports/" + week + query;
    }

    private static String picker(IsoWeek week, Filters filters, Choices choices) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<form class=\"card picker\" method=\"get\" action=\"/reports\">")
                .append("<div><label for=\"week\">Week</label><select id=\"week\" name=\"week\">");
        for (IsoWeek w : choices.weeks()) {
            out.append(option(w.toString(), w + " \u00b7 " + DAY.format(w.monday()), w.equals(week)));
        }
        out.append("</select></div>");
        select(out, "channel", "All channels", choices.channels(), filters.channel());
        select(out, "team", "All teams", choices.teams(), filters.team());
        out.append("<div><button type=\"submit\">Show</button></div></form>");
        out.append("<nav class=\"weeks\" aria-label=\"Other weeks\">");
        int at = choices.weeks().indexOf(week);
        if (at >= 0 && at + 1 < choices.weeks().size()) {
            IsoWeek older = choices.weeks().get(at + 1);
            out.append("<a rel=\"prev\" href=\"").append(esc(href(older, filters))).append("\">\u2190 ")
                    .append(older).append("</a>");
        }
        if (at > 0) {
            IsoWeek newer = choices.weeks().get(at - 1);
            out.append("<a rel=\"next\" href=\"").append(esc(href(newer, filters))).append("\">")
                    .append(newer).append(" \u2192</a>");
        }
        return out.append("</nav>").toString();
    }

    private static void select(StringBuilder out, String name, String all, List<String> values, Optional<String> chosen) {
        out.append("<div><label for=\"").append(name).append("\">").append(name.equals("channel") ? "Channel" : "Team")
                .append("</label><select id=\"").append(name).append("\" name=\"").append(name).append("\">")
                .append(option("", all, chosen.isEmpty()));
        values.forEach(v -> out.append(option(v, v, chosen.equals(Optional.of(v)))));
        out.append("</select></div>");
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label) + "</option>";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
