package org.cskpi.web.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.web.auth.User;
import org.cskpi.web.page.Frame;
import org.cskpi.web.page.Pages;

/**
 * The report page: the app's frame, a week picker and breakdown filters, then the same content as
 * the HTML report file ({@link HtmlReport#body}) with its scripts linked from the app's assets
 * (never inline, never a CDN). Templates {@code report/week}, {@code report/content} and
 * {@code report/empty}.
 */
final class ReportPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * What the picker offers: weeks newest first ({@code incomplete} ones are marked: their
     * figures run only to the cut-off), channel and team names.
     */
    record Choices(List<IsoWeek> weeks, Set<IsoWeek> incomplete, List<String> channels, List<String> teams) {
    }

    /** One drop-down of the picker. */
    record Select(String name, String label, List<Option> options) {
    }

    record Option(String value, String label, boolean selected) {
    }

    /** A link to another week's page. */
    record WeekLink(IsoWeek week, String href) {
    }

    private final Pages pages;

    ReportPage(Pages pages) {
        this.pages = pages;
    }

    /** Picker and report: the same for every reader, so {@link ReportCache} keeps it. */
    String content(WeeklyReport report, Choices choices) {
        IsoWeek week = report.week();
        Filters filters = report.filters();
        Map<String, Object> model = new HashMap<>();
        model.put("selects", List.of(weeks(week, choices),
                select("channel", "Channel", "All channels", choices.channels(), filters.channel()),
                select("team", "Team", "All teams", choices.teams(), filters.team())));
        int at = choices.weeks().indexOf(week);
        model.put("older", at >= 0 && at + 1 < choices.weeks().size() ? link(choices.weeks().get(at + 1), filters) : null);
        model.put("newer", at > 0 ? link(choices.weeks().get(at - 1), filters) : null);
        model.put("report", HtmlReport.body(report, Optional.of(new HtmlReport.Served(chartCsv(week, filters)))));
        return pages.render("report/content", model);
    }

    /** {@link #content} in the reader's frame (navigation by role, logout form with their token). */
    String render(IsoWeek week, String content, User user, String csrf) {
        return pages.render("report/week", new Frame("Week " + week, Optional.of(user), csrf), Map.of("body_html", content));
    }

    String empty(User user, String csrf) {
        return pages.render("report/empty", new Frame("Report", Optional.of(user), csrf), Map.of());
    }

    /** The page of {@code week} with {@code filters}, as a link. */
    static String href(IsoWeek week, Filters filters) {
        String query = filters.channel().map(c -> "?channel=" + enc(c))
                .or(() -> filters.team().map(t -> "?team=" + enc(t))).orElse("");
        return "/reports/" + week + query;
    }

    /** "2026-W48 · 23 Nov", with " · incomplete" for a week not over at the cut-off. */
    /**
     * Where a chart's data of this page is ({@code {id}} = the chart): the week's
     * {@code charts/{id}.csv} with the page's breakdown filter, which the trends follow.
     */
    static String chartCsv(IsoWeek week, Filters filters) {
        String page = href(week, filters);
        int query = page.indexOf('?');
        return query < 0 ? page + "/charts/{id}.csv" : page.substring(0, query) + "/charts/{id}.csv" + page.substring(query);
    }

    private static Select weeks(IsoWeek chosen, Choices choices) {
        List<Option> options = choices.weeks().stream()
                .map(w -> new Option(w.toString(), w + " \u00b7 " + DAY.format(w.monday())
                        + (choices.incomplete().contains(w) ? " \u00b7 incomplete" : ""), w.equals(chosen))).toList();
        return new Select("week", "Week", options);
    }

    private static Select select(String name, String label, String all, List<String> values, Optional<String> chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", all, chosen.isEmpty()));
        values.forEach(v -> options.add(new Option(v, v, chosen.equals(Optional.of(v)))));
        return new Select(name, label, options);
    }

    private static WeekLink link(IsoWeek week, Filters filters) {
        return new WeekLink(week, href(week, filters));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
