package org.cskpi.reports.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.charts.DataTable;
import org.cskpi.reports.data.DataAsOf;
import org.cskpi.reports.data.NpsAnswer;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.tables.BreakdownTable;
import org.cskpi.reports.tiles.KpiSpec;
import org.cskpi.reports.tiles.Tile;

/**
 * The whole report as JSON (snake_case keys, values in the units of
 * docs/kpis.md#names-in-the-kpi-store: seconds, fractions, NPS points). A KPI without a row is
 * {@code null}, never 0. Also the body of the web app's {@code /api/kpis}.
 */
public final class JsonExport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {
    }

    public static String toJson(WeeklyReport report) {
        return tree(report).toPrettyString();
    }

    public static ObjectNode tree(WeeklyReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("week", report.week().toString());
        root.put("previous_week", report.week().previous().toString());
        root.put("brand", report.brand());
        root.put("time_zone", report.zone().getId());
        root.put("breakdown", report.filters().breakdown().storedName());
        root.put("breakdown_value", report.filters().breakdownValue());
        root.put("incomplete", report.incomplete());
        Optional<Instant> cutOff = report.asOf().flatMap(DataAsOf::cutOff);
        cutOff.ifPresentOrElse(c -> root.put("data_as_of", c.toString()), () -> root.putNull("data_as_of"));
        report.asOf().ifPresentOrElse(a -> root.put("analysed_at", a.analysedAt().toString()),
                () -> root.putNull("analysed_at"));
        report.sentences().forEach(root.putArray("sentences")::add);
        ArrayNode tiles = root.putArray("tiles");
        report.tiles().forEach(t -> tiles.add(tile(t)));
        ArrayNode charts = root.putArray("charts");
        for (ChartSpec chart : report.charts()) {
            ObjectNode c = charts.addObject().put("id", chart.id()).put("title", chart.title())
                    .put("caption", chart.caption());
            table(c, chart.data());
        }
        table(root.putObject("teams"), ReportTables.breakdown(report.teams()));
        table(root.putObject("agents"), ReportTables.breakdown(report.agents()));
        ArrayNode comments = root.putArray("detractor_comments");
        for (NpsAnswer a : report.comments()) {
            comments.addObject().put("score", a.score()).put("answered_at", a.answeredAt().toString())
                    .put("ticket_id", a.ticketId())
                    .put("ticket_url", report.ticketUrl().link(a.ticketId()).orElse(null))
                    .put("channel", a.channel()).put("category", a.category())
                    .put("locale", a.locale()).put("comment", a.comment());
        }
        report.weeks().forEach(w -> root.withArray("weeks").add(w.toString()));
        return root;
    }

    private static ObjectNode tile(Tile t) {
        KpiSpec spec = t.spec();
        ObjectNode n = MAPPER.createObjectNode().put("kpi", spec.kpi().storedName()).put("label", spec.label());
        kpi(n.putObject("current"), t.current());
        kpi(n.putObject("previous"), t.previous());
        n.put("change_kind", spec.unit().relativeChange() ? "relative" : "absolute");
        putOptional(n, "change", t.change());
        n.put("verdict", t.verdict().name().toLowerCase(Locale.ROOT));
        putOptional(n, "target_s", t.target());
        t.meetsTarget().ifPresentOrElse(m -> n.put("meets_target", m), () -> n.putNull("meets_target"));
        putOptional(n, "margin_of_error", t.marginOfError());
        return n;
    }

    private static void kpi(ObjectNode n, Optional<WeeklyKpi> kpi) {
        if (kpi.isEmpty()) {
            n.putNull("value");
            return;
        }
        WeeklyKpi k = kpi.get();
        n.put("value", k.value()).put("sample_size", k.sampleSize()).put("small_sample", k.smallSample())
                .put("incomplete", k.incomplete());
    }

    private static void putOptional(ObjectNode n, String field, Optional<Double> value) {
        value.ifPresentOrElse(v -> n.put(field, v), () -> n.putNull(field));
    }

    /** A table as {"columns": [...], "rows": [[...]]}; empty cells (missing KPIs) become null. */
    private static void table(ObjectNode n, DataTable table) {
        table.columns().forEach(n.putArray("columns")::add);
        ArrayNode rows = n.putArray("rows");
        for (List<Object> row : table.rows()) {
            ArrayNode r = rows.addArray();
            for (Object cell : row) {
                if (cell instanceof Number num) {
                    r.add(MAPPER.valueToTree(num));
                } else if (cell instanceof Boolean b) {
                    r.add(b);
                } else if (cell == null || "".equals(cell)) {
                    r.addNull();
                } else {
                    r.add(cell.toString());
                }
            }
        }
    }
}
