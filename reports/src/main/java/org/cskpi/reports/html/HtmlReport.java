package org.cskpi.reports.html;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.data.DataAsOf;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.tiles.Tile;

/**
 * Renders a {@link WeeklyReport} as HTML with our own template (never the ECharts wrapper's
 * Engine.render). All text is escaped; chart options sit in {@code <script type="application/json">}
 * blocks with {@code <} written as {@code \u003c}, and {@code cskpi-report.js} draws them.
 */
public final class HtmlReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private HtmlReport() {
    }

    /** A whole page: standalone with {@link ScriptMode#inline()}, or for the web app with {@link ScriptMode#linked}. */
    public static String page(WeeklyReport report, ScriptMode mode) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.text(report.brand() + " support report " + report.week()))
                .append("</title>");
        if (mode instanceof ScriptMode.Linked linked) {
            out.append("<link rel=\"stylesheet\" href=\"").append(Html.text(linked.url(ReportAssets.STYLESHEET)))
                    .append("\">");
        } else {
            out.append("<style>").append(Html.style(ReportAssets.content(ReportAssets.STYLESHEET))).append("</style>");
        }
        out.append("</head>\n<body><main>\n").append(body(report)).append("</main>\n");
        if (mode instanceof ScriptMode.Linked linked) {
            out.append("<script src=\"").append(Html.text(linked.url(ReportAssets.ECHARTS))).append("\"></script>")
                    .append("<script src=\"").append(Html.text(linked.url(ReportAssets.STARTER)))
                    .append("\"></script>");
        } else {
            out.append("<script>").append(Html.script(ReportAssets.content(ReportAssets.ECHARTS))).append("</script>\n")
                    .append("<script>").append(Html.script(ReportAssets.content(ReportAssets.STARTER)))
                    .append("</script>");
        }
        return out.append("\n</body></html>\n").toString();
    }

    /**
     * The report's content without page head or scripts, for a page that has its own layout
     * (it must load the assets as {@link #page} does).
     */
    public static String body(WeeklyReport report) {
        return body(report, Optional.empty());
    }

    /**
     * How a page served by a web app extends the content: a CSV link under each chart (its
     * data, as {@code --csv-dir} writes it) and a GET form above the detractor comments that
     * reloads the page with {@code comments_channel} and {@code comments_category}
     * ({@link Filters#withComments}). The offline file has neither: no server to ask.
     *
     * @param chartCsv the address of a chart's CSV with {@code {id}} where the chart id goes
     */
    public record Served(String chartCsv) {
    }

    /** {@link #body(WeeklyReport)}, extended as {@code served} says when given. */
    public static String body(WeeklyReport report, Optional<Served> served) {
        StringBuilder out = new StringBuilder(64 * 1024);
        header(out, report);
        out.append("<section class=\"summary\"><h2>What changed</h2><ul>");
        report.sentences().forEach(s -> out.append("<li>").append(Html.text(s)).append("</li>"));
        out.append("</ul></section>\n<section class=\"headline\"><h2>Headline figures</h2><div class=\"tiles\">\n");
        for (Tile tile : report.tiles()) {
            TileHtml.append(out, tile, report.week().previous().toString());
        }
        out.append("</div><p class=\"note\">Arrows compare with the previous ISO week (" + report.week().previous() + "): green is better, red worse, "
                + "grey neutral. Rates change in percentage points.</p></section>\n");
        out.append("<section class=\"charts-section\"><h2>Charts</h2><div class=\"charts\">\n");
        for (ChartSpec chart : report.charts()) {
            chart(out, chart, served);
        }
        out.append("</div></section>\n");
        TableHtml.breakdown(out, "Per team", report.teams());
        TableHtml.breakdown(out, "Per agent", report.agents());
        CommentsHtml.append(out, report.comments(),
                new CommentsHtml.Options(report.zone(), report.ticketUrl(), report.filters(), served.isPresent()));
        out.append("<footer>Figures as defined in cskpi's KPI dictionary (docs/kpis.md); weeks and hours in ")
                .append(Html.text(report.zone().getId())).append(". Values marked * are incomplete.</footer>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, WeeklyReport report) {
        out.append("<header><h1>").append(Html.text(report.brand() + " support \u2014 week " + report.week()))
                .append("</h1><p class=\"sub\">")
                .append(Html.text(DAY.format(report.week().monday()) + " to "
                        + DAY.format(report.week().monday().plusDays(6))
                        + " \u00b7 " + scope(report)))
                .append("</p>");
        report.asOf().ifPresent(asOf -> out.append("<p class=\"sub as-of\">").append(Html.text(asOf(asOf, report.zone())))
                .append("</p>"));
        if (report.incomplete()) {
            out.append("<p class=\"banner\">This week is not over in the data yet: its figures run to the cut-off "
                    + "and are not compared with other weeks.</p>");
        }
        if (!report.filters().isNone()) {
            out.append("<p class=\"note\">Headline figures, sentences and trends are for this ")
                    .append(Html.text(report.filters().breakdown().storedName()))
                    .append("; heatmaps, complaints, NPS charts and tables cover the whole operation.</p>");
        }
        out.append("</header>\n");
    }

    /** "Data as of Thu 26 Nov 2026 14:05 · analysed Fri 27 Nov 2026 02:10" in the business zone. */
    static String asOf(DataAsOf asOf, ZoneId zone) {
        String analysed = "analysed " + MINUTE.format(asOf.analysedAt().atZone(zone));
        return asOf.cutOff().map(c -> "Data as of " + MINUTE.format(c.atZone(zone)) + " \u00b7 " + analysed)
                .orElse("Data " + analysed);
    }

    private static String scope(WeeklyReport report) {
        return report.filters().isNone() ? "all channels and teams"
                : report.filters().breakdown().storedName() + " " + report.filters().breakdownValue();
    }

    private static void chart(StringBuilder out, ChartSpec chart, Optional<Served> served) {
        String id = Html.text(chart.id());
        boolean tall = chart.id().startsWith("top");
        out.append("<figure class=\"chart-card\"><h3>").append(Html.text(chart.title())).append("</h3>")
                .append("<div class=\"chart").append(tall ? " tall" : "").append("\" id=\"chart-").append(id)
                .append("\" data-option=\"option-").append(id).append("\" role=\"img\" aria-label=\"")
                .append(Html.text(chart.title())).append("\"></div>")
                .append("<figcaption>").append(Html.text(chart.caption()));
        served.ifPresent(links -> out.append(" <a class=\"csv\" href=\"")
                .append(Html.text(links.chartCsv().replace("{id}", chart.id()))).append("\" download>")
                .append("Data (CSV)<span class=\"visually-hidden\"> of ").append(Html.text(chart.title()))
                .append("</span></a>"));
        out.append("</figcaption>")
                .append("<script type=\"application/json\" id=\"option-").append(id).append("\">")
                .append(Html.json(chart.optionJson())).append("</script></figure>\n");
    }
}
