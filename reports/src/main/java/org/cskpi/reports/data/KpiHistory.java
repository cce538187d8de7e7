package org.cskpi.reports.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** KPI rows loaded for a report, looked up by (week, breakdown, value, kpi). */
public final class KpiHistory {

    private record Key(String week, String breakdown, String breakdownValue, String kpi) {
    }

    private final Map<Key, WeeklyKpi> rows = new LinkedHashMap<>();

    public KpiHistory(Collection<WeeklyKpi> kpis) {
        for (WeeklyKpi k : kpis) {
            rows.put(new Key(k.week(), k.breakdown(), k.breakdownValue(), k.kpi()), k);
        }
    }

    public Optional<WeeklyKpi> find(IsoWeek week, String breakdown, String breakdownValue, String kpi) {
        return Optional.ofNullable(rows.get(new Key(week.toString(), breakdown, breakdownValue, kpi)));
    }

    /** The values a breakdown takes in a week (e.g. the channels), sorted by name. */
    public List<String> values(IsoWeek week, String breakdown) {
        TreeSet<String> values = new TreeSet<>();
        for (WeeklyKpi k : rows.values()) {
            if (k.week().equals(week.toString()) && k.breakdown().equals(breakdown)) {
                values.add(k.breakdownValue());
            }
        }
        return new ArrayList<>(values);
    }

    /** The values a breakdown takes in any of the given weeks, sorted by name. */
    public List<String> values(List<IsoWeek> weeks, String breakdown) {
        TreeSet<String> values = new TreeSet<>();
        for (IsoWeek week : weeks) {
            values.addAll(values(week, breakdown));
        }
        return new ArrayList<>(values);
    }
}
