package org.cskpi.reports.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.DataTable;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.tables.BreakdownTable;
import org.cskpi.reports.tiles.KpiSpec;
import org.cskpi.reports.tiles.Tile;

/** The report's non-chart parts as plain tables for CSV. */
final class ReportTables {

    private ReportTables() {
    }

    static DataTable tiles(WeeklyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Tile t : report.tiles()) {
            rows.add(List.of(t.spec().kpi().storedName(), value(t.current()), value(t.previous()),
                    t.change().map(Object.class::cast).orElse(""), t.verdict().name().toLowerCase(),
                    t.target().map(Object.class::cast).orElse(""),
                    t.current().map(WeeklyKpi::sampleSize).map(Object.class::cast).orElse(""),
                    t.smallSample(), t.incomplete()));
        }
        return new DataTable(List.of("kpi", "value", "previous", "change", "verdict", "target_s", "sample_size",
                "small_sample", "incomplete"), rows);
    }

    static DataTable breakdown(BreakdownTable table) {
        List<String> columns = new ArrayList<>(List.of(table.breakdown().storedName(), "name"));
        for (KpiSpec spec : table.columns()) {
            columns.add(spec.kpi().storedName());
            columns.add(spec.kpi().storedName() + "_sample_size");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (BreakdownTable.Row row : table.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.value(), row.name()));
            for (Optional<WeeklyKpi> cell : row.cells()) {
                cells.add(value(cell));
                cells.add(cell.map(WeeklyKpi::sampleSize).map(Object.class::cast).orElse(""));
            }
            rows.add(cells);
        }
        return new DataTable(columns, rows);
    }

    private static Object value(Optional<WeeklyKpi> kpi) {
        return kpi.map(WeeklyKpi::value).map(Object.class::cast).orElse("");
    }
}
