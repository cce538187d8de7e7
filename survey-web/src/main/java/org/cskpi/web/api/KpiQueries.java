package org.cskpi.web.api;

import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.jooq.impl.DSL.max;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Records;

/** Reads {@code kpi_weekly} for the JSON API; one indexed lookup per request (the primary key starts with week, breakdown). */
public final class KpiQueries {

    /** The breakdowns of KPIS.md, as the schema's check constraint lists them. */
    public static final Set<String> BREAKDOWNS = Set.of("all", "channel", "category", "team", "agent", "locale", "frt_bucket");

    private final DSLContext dsl;

    public KpiQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The newest week with KPI rows. */
    public Optional<String> latestWeek() {
        return Optional.ofNullable(dsl.select(max(KPI_WEEKLY.WEEK)).from(KPI_WEEKLY).fetchOne(0, String.class));
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
