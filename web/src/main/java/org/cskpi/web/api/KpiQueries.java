package org.cskpi.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiStore;
import org.cskpi.store.kpi.Breakdown;
import org.jooq.DSLContext;

/**
 * Reads {@code kpi_weekly} for the JSON API through the report's {@link KpiStore}; one indexed
 * range read per request (the primary key starts with week, breakdown).
 */
public final class KpiQueries {

    private final KpiStore store;

    public KpiQueries(DSLContext dsl) {
        this.store = new KpiStore(dsl);
    }

    /** The week {@code /} shows, by the report's own rule: the newest complete week, else the newest week. */
    public Optional<IsoWeek> defaultWeek() {
        return store.latestCompleteWeek();
    }

    /**
     * The rows of one breakdown in weeks {@code from..to} (inclusive) by week, oldest first, each
     * week's ordered by breakdown value then KPI name; weeks without rows are not in the map.
     */
    public Map<String, List<KpiRow>> rows(IsoWeek from, IsoWeek to, Breakdown breakdown) {
        Map<String, List<KpiRow>> byWeek = new LinkedHashMap<>();
        store.kpis(from, to, List.of(breakdown)).forEach(k -> byWeek.computeIfAbsent(k.week(), w -> new ArrayList<>())
                .add(new KpiRow(k.breakdownValue(), k.kpi(), k.value(), k.sampleSize(), k.smallSample(), k.incomplete())));
        return byWeek;
    }
}
