package org.cskpi.web.report;

import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiStore;
import org.cskpi.store.kpi.Breakdown;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What a reader can pick on the report pages, read from {@code kpi_weekly}: the weeks that have
 * KPIs and the channel and team names of the store's breakdowns (docs/kpis.md#breakdowns).
 */
public final class ReportChoices {

    private final DSLContext dsl;
    private final KpiStore store;
    private final ZoneId zone;
    private final Duration answerWindow;
    private final Clock clock;

    /**
     * {@code zone}: the business zone weeks are in; {@code commentEditHours} and {@code clock}: which
     * weeks can still get survey answers or comment edits (see {@link StoreVersion}).
     */
    public ReportChoices(DSLContext dsl, ZoneId zone, int commentEditHours, Clock clock) {
        this.dsl = dsl;
        this.store = new KpiStore(dsl);
        this.zone = zone;
        this.answerWindow = Duration.ofHours(commentEditHours).plusMinutes(1);
        this.clock = clock;
    }

    /** Weeks with KPI rows, newest first (the order of the picker). */
    public List<IsoWeek> weeks() {
        List<IsoWeek> weeks = new ArrayList<>(store.weeks());
        Collections.reverse(weeks);
        return weeks;
    }

    /** Weeks not over at the cut-off, which the picker marks. */
    public Set<IsoWeek> incompleteWeeks() {
        return store.incompleteWeeks();
    }

    /** The week {@code /} shows: the newest complete week, else the newest week. */
    public Optional<IsoWeek> defaultWeek() {
        return store.latestCompleteWeek();
    }

    /** Finished runs and survey answers, read once; {@link StoreVersion#of} gives a week's pages their version. */
    StoreVersion storeVersion() {
        var row = dsl.select(DSL.field(DSL.select(DSL.count(RUNS.FINISHED_AT)).from(RUNS)),
                        DSL.field(DSL.select(DSL.max(SURVEY_RESPONSES.ID)).from(SURVEY_RESPONSES)),
                        DSL.field(DSL.select(DSL.count()).from(SURVEY_RESPONSES)))
                .fetchOne();
        return new StoreVersion(row.value1(), row.value2() + "," + row.value3(),
                new StoreVersion.Context(zone, answerWindow, clock.instant()));
    }

    /** The version of the pages of {@code week} (see {@link ReportCache}). */
    String version(IsoWeek week) {
        return storeVersion().of(week);
    }

    public boolean hasWeek(IsoWeek week) {
        return dsl.fetchExists(KPI_WEEKLY, KPI_WEEKLY.WEEK.eq(week.toString()));
    }

    /** The values of one breakdown ({@code channel} or {@code team}) in any week, sorted. */
    public List<String> values(Breakdown breakdown) {
        return dsl.selectDistinct(KPI_WEEKLY.BREAKDOWN_VALUE).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.BREAKDOWN.eq(breakdown.storedName()))
                .orderBy(KPI_WEEKLY.BREAKDOWN_VALUE)
                .fetch(KPI_WEEKLY.BREAKDOWN_VALUE);
    }
}
