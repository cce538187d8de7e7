package org.cskpi.reports.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cskpi.config.IsoWeek;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;

/**
 * KPI rows loaded for a report, looked up by (week, breakdown, value, kpi). The values of each
 * breakdown per week are indexed once when the rows are loaded: charts and tables ask for them
 * per week, and scanning every row each time was most of a report's build time.
 */
public final class KpiHistory {

    private record Key(String week, String breakdown, String breakdownValue, String kpi) {
    }

    private record Scope(String week, String breakdown) {
    }

    private final Map<Key, WeeklyKpi> rows = new HashMap<>();
    private final Map<Scope, TreeSet<String>> values = new HashMap<>();

    public KpiHistory(Collection<WeeklyKpi> kpis) {
        for (WeeklyKpi k : kpis) {
            rows.put(new Key(k.week(), k.breakdown(), k.breakdownValue(), k.kpi()), k);
            values.computeIfAbsent(new Scope(k.week(), k.breakdown()), s -> new TreeSet<>()).add(k.breakdownValue());
        }
    }

    public Optional<WeeklyKpi> find(IsoWeek week, Breakdown breakdown, String breakdownValue, Kpi kpi) {
        return Optional.ofNullable(rows.get(new Key(week.toString(), breakdown.storedName(), breakdownValue,
                kpi.storedName())));
    }

    /** The row of {@code kpi} for the whole operation ({@code all/all}). */
    public Optional<WeeklyKpi> findAll(IsoWeek week, Kpi kpi) {
        return find(week, Breakdown.ALL, Breakdown.ALL_VALUE, kpi);
    }

    /** The values a breakdown takes in a week (e.g. the channels), sorted by name. */
    public List<String> values(IsoWeek week, Breakdown breakdown) {
        TreeSet<String> found = values.get(new Scope(week.toString(), breakdown.storedName()));
        return found == null ? new ArrayList<>() : new ArrayList<>(found);
    }

    /** The values a breakdown takes in any of the given weeks, sorted by name. */
    public List<String> values(List<IsoWeek> weeks, Breakdown breakdown) {
        TreeSet<String> found = new TreeSet<>();
        for (IsoWeek week : weeks) {
            found.addAll(values.getOrDefault(new Scope(week.toString(), breakdown.storedName()), new TreeSet<>()));
        }
        return new ArrayList<>(found);
    }
}
