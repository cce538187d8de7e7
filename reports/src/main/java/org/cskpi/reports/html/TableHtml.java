package org.cskpi.reports.html;

import java.util.List;
import java.util.Optional;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.tables.BreakdownTable;
import org.cskpi.reports.tiles.KpiSpec;

/** The per-team and per-agent tables, escaped. */
final class TableHtml {

    /** Rows shown per table on the page; the CSV and JSON exports have all of them. */
    static final int MAX_ROWS = 50;

    private TableHtml() {
    }

    static void breakdown(StringBuilder out, String title, BreakdownTable table) {
        String breakdown = table.breakdown().storedName();
        out.append("<section class=\"breakdown\" id=\"").append(Html.text(breakdown)).append("s\">")
                .append("<h2>").append(Html.text(title)).append("</h2>");
        if (table.rows().isEmpty()) {
            out.append("<p class=\"note\">No ").append(Html.text(breakdown)).append(" figures this week.</p>");
            out.append("</section>\n");
            return;
        }
        wrapStart(out, title);
        out.append("<table><thead><tr><th>").append(Html.text(breakdown))
                .append("</th>");
        for (KpiSpec spec : table.columns()) {
            out.append("<th class=\"num\">").append(Html.text(spec.noun())).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        List<BreakdownTable.Row> shown = table.rows().subList(0, Math.min(MAX_ROWS, table.rows().size()));
        for (BreakdownTable.Row row : shown) {
            out.append("<tr><td class=\"name\">").append(Html.text(row.name()));
            if (!row.name().equals(row.value())) {
                out.append(" <span class=\"id\">").append(Html.text(row.value())).append("</span>");
            }
            out.append("</td>");
            for (int i = 0; i < table.columns().size(); i++) {
                cell(out, table.columns().get(i), row.cells().get(i));
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
        if (table.rows().size() > shown.size()) {
            out.append("<p class=\"note\">The ").append(shown.size()).append(" largest of ")
                    .append(table.rows().size()).append(" by volume; the CSV and JSON exports have them all.</p>");
        }
        out.append("<p class=\"note\">Grey values are small samples (under 30).</p></section>\n");
    }

    /**
     * A wide table scrolls sideways inside its wrapper on a phone; keyboard users can scroll it
     * only if the wrapper takes focus (axe-core rule scrollable-region-focusable), and a named
     * region says what they are in.
     */
    static void wrapStart(StringBuilder out, String name) {
        out.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(Html.text(name)).append("\">");
    }

    private static void cell(StringBuilder out, KpiSpec spec, Optional<WeeklyKpi> kpi) {
        if (kpi.isEmpty()) {
            out.append("<td class=\"num\">\u2013</td>");
            return;
        }
        WeeklyKpi k = kpi.get();
        out.append("<td class=\"num").append(k.smallSample() ? " small" : "").append("\">")
                .append(Html.text(spec.unit().format(k.value()))).append(k.incomplete() ? "*" : "").append("</td>");
    }
}
