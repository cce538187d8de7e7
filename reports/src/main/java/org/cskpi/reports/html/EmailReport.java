package org.cskpi.reports.html;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.format.Figures;
import org.cskpi.reports.tiles.Tile;
import org.cskpi.reports.tiles.Verdict;

/**
 * The weekly report's e-mail body (docs/reports.md#the-report-by-e-mail): the header, the "what
 * changed" sentences, the headline tiles and a link to the web report, as HTML for mail clients
 * and as plain text. The figures are the report's own tiles, written as the report writes them.
 *
 * <p>Mail clients drop {@code <style>} and scripts and many ignore CSS layout, so the HTML is
 * nested tables with inline styles, at most 600 px wide and fluid below: one tile a row, its
 * name and marks on the left, its value and change on the right, which fits a 360 px phone as
 * well as a 600 px pane. Every text and link is escaped.
 */
public final class EmailReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final String FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private static final String MUTED = "#57606a";
    private static final String RULE = "border-top:1px solid #d8dee4;";
    /** The report's change colours, dark enough for text on white (WCAG AA). */
    private static final String GOOD = "#1a7f37";
    private static final String BAD = "#cf222e";

    /**
     * @param webLink    the report's page in the web app
     * @param attachment the name of the attached offline report file
     */
    public record Links(String webLink, String attachment) {
    }

    private EmailReport() {
    }

    /** A whole HTML document for the {@code text/html} part. */
    public static String html(WeeklyReport report, String subject, Links links) {
        StringBuilder out = new StringBuilder(16 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.text(subject)).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:0;background:#f3f4f6;\">\n")
                .append(layoutTable("background:#f3f4f6;")).append("<tr><td align=\"center\" style=\"padding:16px 8px;\">\n")
                // Outlook on Windows ignores max-width: a fixed 600 px table there only.
                .append("<!--[if mso]><table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" "
                        + "border=\"0\"><tr><td><![endif]-->\n")
                .append(layoutTable("max-width:600px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;"
                        + FONT + "color:#1f2328;"))
                .append('\n');
        row(out, "padding:20px 20px 4px;", header(report));
        if (report.incomplete()) {
            row(out, "padding:8px 20px;", "<p style=\"margin:0;padding:8px 10px;background:#fff8c5;color:#4d2d00;"
                    + "font-size:14px;line-height:20px;\">This week is not over in the data yet: its figures run to the "
                    + "cut-off and are not compared with other weeks.</p>");
        }
        row(out, "padding:12px 20px 4px;", sentences(report));
        row(out, "padding:12px 20px 4px;", tiles(report));
        row(out, "padding:16px 20px;", links(links));
        row(out, "padding:12px 20px 20px;" + RULE + "font-size:12px;line-height:18px;color:" + MUTED + ";",
                Html.text("Changes compare with " + report.week().previous() + ": green is better, red worse, grey "
                        + "neutral; rates change in percentage points, NPS in points. Figures as defined in cskpi's KPI "
                        + "dictionary; weeks in " + report.zone().getId() + ". Values marked incomplete run to the data "
                        + "cut-off."));
        return out.append("</table>\n<!--[if mso]></td></tr></table><![endif]-->\n</td></tr></table>\n</body></html>\n")
                .toString();
    }

    /** The {@code text/plain} alternative: the same content, a line per tile. */
    public static String text(WeeklyReport report, Links links) {
        StringBuilder out = new StringBuilder(4 * 1024);
        out.append(title(report)).append('\n').append(dates(report)).append("\n\n");
        if (report.incomplete()) {
            out.append("This week is not over in the data yet: its figures run to the cut-off and are not compared "
                    + "with other weeks.\n\n");
        }
        out.append("What changed\n");
        report.sentences().forEach(s -> out.append("- ").append(s).append('\n'));
        out.append("\nHeadline figures (changes against ").append(report.week().previous()).append(")\n");
        String previous = report.week().previous().toString();
        for (Tile tile : report.tiles()) {
            List<String> parts = new ArrayList<>();
            parts.add(TileHtml.changeText(tile, previous));
            notes(tile).forEach(note -> parts.add(note.text()));
            out.append("- ").append(tile.spec().label()).append(": ").append(value(tile))
                    .append(" (").append(String.join("; ", parts)).append(")\n");
        }
        return out.append("\nThe report in the web app: ").append(links.webLink()).append('\n')
                .append("The whole report, with its charts and tables, is attached as ").append(links.attachment())
                .append("; it opens in any browser, without a network.\n").toString();
    }

    private static String header(WeeklyReport report) {
        return "<h1 style=\"margin:0;font-size:20px;line-height:26px;\">" + Html.text(title(report)) + "</h1>"
                + "<p style=\"margin:4px 0 0;font-size:14px;line-height:20px;color:" + MUTED + ";\">"
                + Html.text(dates(report)) + "</p>";
    }

    private static String sentences(WeeklyReport report) {
        StringBuilder out = new StringBuilder(heading("What changed"))
                .append("<ul style=\"margin:0;padding:0 0 0 20px;font-size:15px;line-height:22px;\">");
        report.sentences().forEach(s -> out.append("<li style=\"margin:0 0 4px;\">").append(Html.text(s)).append("</li>"));
        return out.append("</ul>").toString();
    }

    private static String tiles(WeeklyReport report) {
        StringBuilder out = new StringBuilder(heading("Headline figures")).append(layoutTable(""));
        String previous = report.week().previous().toString();
        for (Tile tile : report.tiles()) {
            out.append("<tr data-kpi=\"").append(Html.text(tile.spec().kpi().storedName())).append("\">")
                    .append("<td style=\"padding:10px 0;").append(RULE).append("vertical-align:top;\">")
                    .append("<div style=\"font-size:14px;line-height:20px;\">").append(Html.text(tile.spec().label()))
                    .append("</div>");
            details(out, tile);
            out.append("</td><td align=\"right\" style=\"padding:10px 0 10px 12px;").append(RULE)
                    .append("vertical-align:top;text-align:right;\">")
                    .append("<div class=\"value\" style=\"font-size:18px;line-height:24px;font-weight:bold;white-space:nowrap;\">")
                    .append(Html.text(value(tile))).append("</div>")
                    .append("<div class=\"change\" style=\"font-size:13px;line-height:18px;white-space:nowrap;color:")
                    .append(colour(tile.verdict())).append(";\">")
                    .append(Html.text(TileHtml.changeText(tile, previous))).append("</div></td></tr>\n");
        }
        return out.append("</table>").toString();
    }

    /** What a tile says besides its value and change, and how the HTML shows it. */
    private enum NoteKind { DETAIL, MET, MISSED, SMALL_SAMPLE, INCOMPLETE }

    private record Note(NoteKind kind, String text) {
    }

    /** The NPS margin, the after-hours share, the target verdict and the small-sample and incomplete marks. */
    private static List<Note> notes(Tile tile) {
        List<Note> notes = new ArrayList<>();
        tile.marginOfError().ifPresent(m -> notes.add(new Note(NoteKind.DETAIL, "\u00b1" + Math.round(m)
                + " at 95%, " + tile.current().orElseThrow().sampleSize() + " answers")));
        tile.afterHoursShare().ifPresent(share -> notes.add(new Note(NoteKind.DETAIL,
                Math.round(share * 100) + "% of tickets arrived outside business hours")));
        tile.target().ifPresent(t -> {
            boolean met = tile.meetsTarget().orElse(true);
            notes.add(new Note(met ? NoteKind.MET : NoteKind.MISSED,
                    "target " + Figures.duration(t) + (met ? " \u00b7 met" : " \u00b7 missed")));
        });
        if (tile.smallSample()) {
            notes.add(new Note(NoteKind.SMALL_SAMPLE,
                    "small sample (n=" + tile.current().orElseThrow().sampleSize() + ")"));
        }
        if (tile.incomplete()) {
            notes.add(new Note(NoteKind.INCOMPLETE, "incomplete"));
        }
        return notes;
    }

    private static void details(StringBuilder out, Tile tile) {
        for (Note note : notes(tile)) {
            switch (note.kind()) {
                case DETAIL -> detail(out, MUTED, note.text());
                case MET -> detail(out, GOOD, note.text());
                case MISSED -> detail(out, BAD, note.text());
                case SMALL_SAMPLE -> mark(out, "#fff8c5", "#4d2d00", note.text());
                case INCOMPLETE -> mark(out, "#ddf4ff", "#0a3069", note.text());
            }
        }
    }

    private static void detail(StringBuilder out, String colour, String text) {
        out.append("<div style=\"font-size:12px;line-height:18px;color:").append(colour).append(";\">")
                .append(Html.text(text)).append("</div>");
    }

    private static void mark(StringBuilder out, String background, String colour, String text) {
        out.append("<span class=\"mark\" style=\"display:inline-block;margin:4px 4px 0 0;padding:1px 6px;font-size:12px;")
                .append("line-height:18px;border-radius:3px;background:").append(background).append(";color:")
                .append(colour).append(";\">").append(Html.text(text)).append("</span>");
    }

    private static String links(Links links) {
        return "<a href=\"" + Html.text(links.webLink()) + "\" style=\"display:inline-block;padding:10px 16px;"
                + "background:#0969da;color:#ffffff;font-size:15px;line-height:20px;font-weight:bold;"
                + "text-decoration:none;border-radius:6px;\">Open the report in the web app</a>"
                + "<p style=\"margin:12px 0 0;font-size:13px;line-height:19px;color:" + MUTED + ";\">"
                + "The whole report, with its charts and tables, is attached as " + Html.text(links.attachment())
                + "; it opens in any browser, without a network.</p>";
    }

    private static String value(Tile tile) {
        return tile.value().map(tile.spec().unit()::format).orElse("no data");
    }

    private static String colour(Verdict verdict) {
        return switch (verdict) {
            case GOOD -> GOOD;
            case BAD -> BAD;
            case NEUTRAL, NOT_COMPARABLE -> MUTED;
        };
    }

    private static String title(WeeklyReport report) {
        return report.brand() + " support \u2014 week " + report.week();
    }

    private static String dates(WeeklyReport report) {
        String scope = report.filters().isNone() ? "all channels and teams"
                : report.filters().breakdown().storedName() + " " + report.filters().breakdownValue();
        return DAY.format(report.week().monday()) + " to " + DAY.format(report.week().monday().plusDays(6))
                + " \u00b7 " + scope;
    }

    private static String heading(String text) {
        return "<h2 style=\"margin:0 0 8px;font-size:16px;line-height:22px;\">" + Html.text(text) + "</h2>";
    }

    private static String layoutTable(String style) {
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
                + (style.isEmpty() ? "" : " style=\"" + style + "\"") + ">";
    }

    private static void row(StringBuilder out, String style, String content) {
        out.append("<tr><td style=\"").append(style).append("\">").append(content).append("</td></tr>\n");
    }
}
