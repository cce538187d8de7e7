package org.cskpi.reports.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.tiles.KpiSpec;
import org.cskpi.store.kpi.Breakdown;

/**
 * The week's KPIs per team or per agent (docs/kpis.md#breakdowns), largest volume first, then by name.
 */
public record BreakdownTable(Breakdown breakdown, List<KpiSpec> columns, List<Row> rows) {

    /** The KPIs shown per team and per agent. */
    public static final List<KpiSpec> COLUMNS = List.of(KpiSpec.VOLUME, KpiSpec.FRT_MEDIAN,
            KpiSpec.FRT_WITHIN_TARGET, KpiSpec.RESOLUTION_RATE, KpiSpec.ONE_TOUCH, KpiSpec.REOPEN_RATE,
            KpiSpec.BACKLOG, KpiSpec.NPS);

    /**
     * One team or agent: its {@code value} as the KPI rows key it (an agent id), the {@code name}
     * to show (the value where no name is known); {@code cells} follow {@code columns}, empty
     * where the KPI has no row.
     */
    public record Row(String value, String name, List<Optional<WeeklyKpi>> cells) {
    }

    /**
     * The week's rows of {@code breakdown}; {@code names} (value -> name, from
     * {@code breakdown_names}) name values that are ids.
     */
    public static BreakdownTable of(KpiHistory history, IsoWeek week, Breakdown breakdown, Map<String, String> names) {
        List<Row> rows = new ArrayList<>();
        for (String value : history.values(week, breakdown)) {
            List<Optional<WeeklyKpi>> cells = new ArrayList<>();
            for (KpiSpec spec : COLUMNS) {
                cells.add(history.find(week, breakdown, value, spec.kpi()));
            }
            rows.add(new Row(value, names.getOrDefault(value, value), cells));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.cells().get(0).map(WeeklyKpi::value).orElse(0.0))
                .thenComparing(Row::value));
        return new BreakdownTable(breakdown, COLUMNS, List.copyOf(rows));
    }
}
