package org.cskpi.web.api;

import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import java.util.List;
import java.util.Optional;
import org.cskpi.reports.data.IsoWeek;
import org.cskpi.reports.data.KpiStore;
import org.jooq.DSLContext;
import org.jooq.Records;

/** Reads {@code kpi_weekly} for the JSON API; one indexed lookup per request (the primary key starts with week, breakdown). */
public final class KpiQueries {

    /** The breakdowns of KPIS.md, as the schema's check constraint lists them. */
    public static final List<String> BREAKDOWNS = List.of("all", "channel", "category", "team", "agent", "locale", "frt_bucket");

    private final DSLContext dsl;
    private final KpiStore store;

    public KpiQueries(DSLContext dsl) {
        this.dsl = dsl;
        this.store = new KpiStore(dsl);
    }

    /** The week {@code /} shows, by the report's own rule: the newest complete week, else the newest week. */
    public Optional<IsoWeek> defaultWeek() {
        return store.latestCompleteWeek();
    }

    /** The week's rows of one breakdown, ordered by breakdown value then KPI name. */
    public List<KpiRow> rows(String week, String breakdown) {
        return dsl.select(KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI, KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE,
                        KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE)
                .from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.eq(week).and(KPI_WEEKLY.BREAKDOWN.eq(breakdown)))
                .orderBy(KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI)
                .fetch(Records.mapping(KpiRow::new));
    }
}
