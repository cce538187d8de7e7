package org.cskpi.web.report;

import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.cskpi.reports.data.IsoWeek;
import org.cskpi.reports.data.KpiStore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What a reader can pick on the report pages, read from {@code kpi_weekly}: the weeks that have
 * KPIs and the channel and team names of the store's breakdowns (KPIS.md "Breakdowns").
 */
public final class ReportChoices {

    private final DSLContext dsl;
    private final KpiStore store;

    public ReportChoices(DSLContext dsl) {
        this.dsl = dsl;
        this.store = new KpiStore(dsl);
    }

    /** Weeks with KPI rows, newest first (the order of the picker). */
    public List<IsoWeek> weeks() {
        List<IsoWeek> weeks = new ArrayList<>(store.weeks());
        Collections.reverse(weeks);
        return weeks;
    }

    /** The week {@code /} shows: the newest complete week, else the newest week. */
    public Optional<IsoWeek> defaultWeek() {
        return store.latestCompleteWeek();
    }

    /**
     * Changes when a run finishes (analyze publishes its KPIs, then records that it finished) or a
     * survey answer arrives (see {@link ReportCache}). Finished, not started: analyze starts its run
     * minutes before it publishes, and a page built in between would hold the old numbers under
     * the new version. Counting finished runs (not their highest id) sees a run that ends after a
     * younger one.
     */
    public String version() {
        return dsl.select(DSL.field(DSL.select(DSL.count(RUNS.FINISHED_AT)).from(RUNS)),
                        DSL.field(DSL.select(DSL.max(SURVEY_RESPONSES.ID)).from(SURVEY_RESPONSES)),
                        DSL.field(DSL.selectCount().from(SURVEY_RESPONSES)))
                .fetchOne().formatCSV(false).strip();
    }

    public boolean hasWeek(IsoWeek week) {
        return dsl.fetchExists(KPI_WEEKLY, KPI_WEEKLY.WEEK.eq(week.toString()));
    }

    /** The values of one breakdown ({@code channel} or {@code team}) in any week, sorted. */
    public List<String> values(String breakdown) {
        return dsl.selectDistinct(KPI_WEEKLY.BREAKDOWN_VALUE).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.BREAKDOWN.eq(breakdown))
                .orderBy(KPI_WEEKLY.BREAKDOWN_VALUE)
                .fetch(KPI_WEEKLY.BREAKDOWN_VALUE);
    }
}
