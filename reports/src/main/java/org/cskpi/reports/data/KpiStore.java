package org.cskpi.reports.data;

import static org.cskpi.store.jooq.Tables.ANSWER_TICKETS;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;
import static org.jooq.Records.mapping;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cskpi.config.IsoWeek;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.BreakdownNames;
import org.cskpi.store.kpi.Kpi;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reads what the weekly report needs from the KPI store, with typed jOOQ queries.
 * Week strings {@code YYYY-Www} sort in time order, so week ranges are string ranges.
 */
public final class KpiStore {

    private final DSLContext dsl;

    public KpiStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The newest week whose whole-operation volume (or, for a store with survey answers only, NPS)
     * is complete, i.e. ends before the cut-off (docs/kpis.md#incomplete-weeks); failing that, the
     * newest week with any KPI.
     */
    public Optional<IsoWeek> latestCompleteWeek() {
        String complete = dsl.select(DSL.max(KPI_WEEKLY.WEEK)).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.BREAKDOWN.eq(Breakdown.ALL.storedName()),
                        KPI_WEEKLY.KPI.in(Kpi.VOLUME.storedName(), Kpi.NPS.storedName()),
                        KPI_WEEKLY.INCOMPLETE.isFalse())
                .fetchOne(0, String.class);
        String any = complete != null ? complete
                : dsl.select(DSL.max(KPI_WEEKLY.WEEK)).from(KPI_WEEKLY).fetchOne(0, String.class);
        return Optional.ofNullable(any).map(IsoWeek::parse);
    }

    /** Every week that has KPI rows, oldest first (for week pickers). */
    public List<IsoWeek> weeks() {
        return dsl.selectDistinct(KPI_WEEKLY.WEEK).from(KPI_WEEKLY).orderBy(KPI_WEEKLY.WEEK)
                .fetch(r -> IsoWeek.parse(r.value1()));
    }

    /**
     * Weeks whose whole-operation volume (or NPS, for a store with survey answers only) is
     * incomplete: not over at the cut-off (docs/kpis.md#incomplete-weeks); the week picker marks them.
     */
    public Set<IsoWeek> incompleteWeeks() {
        return dsl.selectDistinct(KPI_WEEKLY.WEEK).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.BREAKDOWN.eq(Breakdown.ALL.storedName()),
                        KPI_WEEKLY.KPI.in(Kpi.VOLUME.storedName(), Kpi.NPS.storedName()),
                        KPI_WEEKLY.INCOMPLETE.isTrue())
                .fetchSet(r -> IsoWeek.parse(r.value1()));
    }

    /**
     * The finished run that published {@code week}'s KPIs (the newest, should rows of several
     * runs be there), with its cut-off and finish time; empty when the rows name no run.
     */
    public Optional<DataAsOf> dataAsOf(IsoWeek week) {
        var newestRun = DSL.select(DSL.max(KPI_WEEKLY.RUN_ID)).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.eq(week.toString()));
        return dsl.select(RUNS.CUT_OFF, RUNS.FINISHED_AT).from(RUNS)
                .where(RUNS.ID.eq(newestRun), RUNS.FINISHED_AT.isNotNull())
                .fetchOptional(r -> new DataAsOf(Optional.ofNullable(r.value1()).map(OffsetDateTime::toInstant),
                        r.value2().toInstant()));
    }

    /** KPI rows of weeks {@code from..to} (inclusive) in the given breakdowns. */
    public List<WeeklyKpi> kpis(IsoWeek from, IsoWeek to, Collection<Breakdown> breakdowns) {
        return dsl.select(KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI,
                        KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE, KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE)
                .from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.between(from.toString(), to.toString()),
                        KPI_WEEKLY.BREAKDOWN.in(storedNames(breakdowns, Breakdown::storedName)))
                .orderBy(KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI)
                .fetch(mapping(WeeklyKpi::new));
    }

    /**
     * What a week's report reads from {@code kpi_weekly}, in one round trip: every row of
     * {@code week} and the week before (tiles, tables, sentences, NPS charts), plus the
     * {@code trendKpis} of the {@code trendBreakdowns} in the weeks from {@code trendFrom} up to
     * the week before the previous one (the older points of the trend charts). Loading only the
     * KPIs the trends draw for the older weeks keeps the rows read per report about halved.
     */
    public List<WeeklyKpi> reportRows(IsoWeek week, IsoWeek trendFrom, Collection<Breakdown> trendBreakdowns,
                                      Collection<Kpi> trendKpis) {
        IsoWeek previous = week.previous();
        var recent = dsl.select(KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI,
                        KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE, KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE)
                .from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.between(previous.toString(), week.toString()));
        var older = dsl.select(KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI,
                        KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE, KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE)
                .from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.ge(trendFrom.toString()), KPI_WEEKLY.WEEK.lt(previous.toString()),
                        KPI_WEEKLY.BREAKDOWN.in(storedNames(trendBreakdowns, Breakdown::storedName)),
                        KPI_WEEKLY.KPI.in(storedNames(trendKpis, Kpi::storedName)));
        return recent.unionAll(older).fetch(mapping(WeeklyKpi::new));
    }

    /**
     * Display names of {@code breakdown}'s values that are ids (agent ids), by value
     * (docs/ingest.md#agent-and-team-names); a value without one is shown as it is.
     */
    public Map<String, String> names(Breakdown breakdown) {
        return new BreakdownNames(dsl).of(breakdown);
    }

    /** Busiest-hours cells summed over weeks {@code from..to} (docs/kpis.md#busiest-hours). */
    public List<HourCell> busiestHours(IsoWeek from, IsoWeek to) {
        var tickets = DSL.sum(BUSIEST_HOURS.TICKETS).cast(Long.class);
        return dsl.select(BUSIEST_HOURS.WEEKDAY, BUSIEST_HOURS.HOUR, tickets)
                .from(BUSIEST_HOURS)
                .where(BUSIEST_HOURS.WEEK.between(from.toString(), to.toString()))
                .groupBy(BUSIEST_HOURS.WEEKDAY, BUSIEST_HOURS.HOUR)
                .orderBy(BUSIEST_HOURS.WEEKDAY, BUSIEST_HOURS.HOUR)
                .fetch(mapping(HourCell::new));
    }

    /** The week's complaint categories, by tickets desc then name (docs/kpis.md#top-complaints). */
    public List<Complaint> topComplaints(IsoWeek week) {
        return dsl.select(TOP_COMPLAINTS.CATEGORY, TOP_COMPLAINTS.TICKETS, TOP_COMPLAINTS.SHARE,
                        TOP_COMPLAINTS.CHANGE_VS_PREVIOUS, TOP_COMPLAINTS.REPEAT_CONTACT_RATE)
                .from(TOP_COMPLAINTS)
                .where(TOP_COMPLAINTS.WEEK.eq(week.toString()))
                .orderBy(TOP_COMPLAINTS.TICKETS.desc(), TOP_COMPLAINTS.CATEGORY)
                .fetch(mapping(Complaint::new));
    }

    /** NPS answers given in the week (business zone, docs/kpis.md#weeks-and-time-zone). */
    public List<NpsAnswer> answers(IsoWeek week, ZoneId zone) {
        return answersWhere(inWeek(week, zone));
    }

    /**
     * The week's answers per score and its detractor comments (with their ticket's channel and
     * category where analyze recorded them), in one scan of the week's answers
     * (a 1M-ticket store has ~19,000 a week): only detractors' comments are read, and the counts
     * are made while reading. Two queries (a GROUP BY and the comments) scanned the week twice.
     */
    public WeekAnswers weekAnswers(IsoWeek week, ZoneId zone) {
        long[] perScore = new long[11];
        List<NpsAnswer> comments = new ArrayList<>();
        dsl.select(SURVEY_RESPONSES.SCORE, DSL.when(SURVEY_RESPONSES.SCORE.le(6), SURVEY_RESPONSES.COMMENT),
                        SURVEY_RESPONSES.TICKET_ID, SURVEY_RESPONSES.LOCALE, SURVEY_RESPONSES.ANSWERED_AT,
                        ANSWER_TICKETS.CHANNEL, ANSWER_TICKETS.CATEGORY)
                .from(SURVEY_RESPONSES)
                .leftJoin(ANSWER_TICKETS).on(ANSWER_TICKETS.RESPONSE_ID.eq(SURVEY_RESPONSES.ID))
                .where(inWeek(week, zone))
                .orderBy(SURVEY_RESPONSES.ANSWERED_AT.desc(), SURVEY_RESPONSES.ID.desc())
                .forEach(r -> {
                    perScore[r.value1()]++;
                    if (r.value2() != null && !r.value2().isBlank()) {
                        comments.add(new NpsAnswer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(),
                                r.value6(), r.value7()));
                    }
                });
        return new WeekAnswers(perScore, List.copyOf(comments));
    }

    private static <T> List<String> storedNames(Collection<T> names, Function<T, String> storedName) {
        return names.stream().map(storedName).toList();
    }

    private static Condition inWeek(IsoWeek week, ZoneId zone) {
        return SURVEY_RESPONSES.ANSWERED_AT.ge(week.start(zone).atOffset(ZoneOffset.UTC))
                .and(SURVEY_RESPONSES.ANSWERED_AT.lt(week.end(zone).atOffset(ZoneOffset.UTC)));
    }

    private List<NpsAnswer> answersWhere(Condition condition) {
        return dsl.select(SURVEY_RESPONSES.SCORE, SURVEY_RESPONSES.COMMENT, SURVEY_RESPONSES.TICKET_ID,
                        SURVEY_RESPONSES.LOCALE, SURVEY_RESPONSES.ANSWERED_AT)
                .from(SURVEY_RESPONSES)
                .where(condition)
                .orderBy(SURVEY_RESPONSES.ANSWERED_AT.desc(), SURVEY_RESPONSES.ID.desc())
                .fetch(r -> new NpsAnswer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant()));
    }
}
