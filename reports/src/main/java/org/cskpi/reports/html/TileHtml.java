package org.cskpi.reports.html;

import java.util.Locale;
import org.cskpi.reports.format.Figures;
import org.cskpi.reports.tiles.Tile;
import org.cskpi.reports.tiles.Unit;
import org.cskpi.reports.tiles.Verdict;

/** One headline tile as HTML; every text is escaped. */
final class TileHtml {

    private TileHtml() {
    }

    static void append(StringBuilder out, Tile tile, String previousWeek) {
        Unit unit = tile.spec().unit();
        out.append("<div class=\"tile\" data-kpi=\"").append(Html.text(tile.spec().kpi().storedName())).append("\">")
                .append("<div class=\"tile-label\">").append(Html.text(tile.spec().label())).append("</div>")
                .append("<div class=\"tile-value\">")
                .append(Html.text(tile.value().map(unit::format).orElse("no data"))).append("</div>");
        tile.marginOfError().ifPresent(m -> out.append("<div class=\"tile-detail\">\u00b1")
                .append(Math.round(m)).append(" at 95%, ")
                .append(tile.current().orElseThrow().sampleSize()).append(" answers</div>"));
        tile.afterHoursShare().ifPresent(share -> out.append("<div class=\"tile-detail\">")
                .append(Math.round(share * 100)).append("% of tickets arrived outside business hours</div>"));
        out.append("<div class=\"change ").append(tile.verdict().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(Html.text(changeText(tile, previousWeek))).append("</div>");
        tile.target().ifPresent(t -> {
            boolean met = tile.meetsTarget().orElse(true);
            out.append("<div class=\"tile-detail target ").append(met ? "met" : "missed").append("\">target ")
                    .append(Html.text(Figures.duration(t))).append(met ? " \u00b7 met" : " \u00b7 missed")
                    .append("</div>");
        });
        if (tile.smallSample()) {
            out.append("<span class=\"flag small\">small sample (n=")
                    .append(tile.current().orElseThrow().sampleSize()).append(")</span>");
        }
        if (tile.incomplete()) {
            out.append("<span class=\"flag incomplete\">incomplete</span>");
        }
        out.append("</div>\n");
    }

    /** "▲ 40% vs last week", "▼ 3.2 pts vs last week", or why there is no comparison. */
    static String changeText(Tile tile, String previousWeek) {
        if (tile.verdict() == Verdict.NOT_COMPARABLE) {
            if (tile.current().isEmpty()) {
                return "no value this week";
            }
            if (tile.previous().isEmpty()) {
                return "no value in " + previousWeek;
            }
            return "not compared: incomplete week";
        }
        int direction = tile.direction();
        String arrow = direction > 0 ? "\u25b2 " : direction < 0 ? "\u25bc " : "= ";
        String amount = tile.change().map(c -> amount(tile.spec().unit(), c)).orElse("from 0");
        return arrow + amount + " vs last week";
    }

    private static String amount(Unit unit, double change) {
        double magnitude = Math.abs(change);
        return switch (unit) {
            case COUNT, DURATION -> Math.round(magnitude * 100) + "%";
            case RATE -> String.format(Locale.ROOT, "%.1f pts", magnitude * 100);
            case SCORE -> Math.round(magnitude) + " pts";
        };
    }
}
