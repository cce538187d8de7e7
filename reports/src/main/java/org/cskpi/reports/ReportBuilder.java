package org.cskpi.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.charts.ComplaintsChart;
import org.cskpi.reports.charts.HeatmapChart;
import org.cskpi.reports.charts.NpsCharts;
import org.cskpi.reports.charts.TrendCharts;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.KpiStore;
import org.cskpi.reports.data.NpsAnswer;
import org.cskpi.reports.data.WeekAnswers;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.narrative.Narrative;
import org.cskpi.reports.tables.BreakdownTable;
import org.cskpi.reports.tiles.Tile;
import org.cskpi.reports.tiles.Tiles;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.jooq.DSLContext;

/**
 * Loads a week, the week before and 12 weeks of trend history from the KPI store and assembles
 * the weekly report. Only the headline tiles, sentences and trend charts follow the filter: the
 * store holds one breakdown at a time, so the heatmap, complaints, NPS charts and team/agent
 * tables are always for the whole operation.
 */
public final class ReportBuilder {

    /** Weeks shown in the trend charts and summed in the long-run heatmap (issue 7). */
    public static final int TREND_WEEKS = 12;
    /** The breakdowns and KPIs the trend charts draw for weeks before the previous one (volume: which channels exist). */
    static final Set<Breakdown> TREND_BREAKDOWNS = Set.of(Breakdown.ALL, Breakdown.CHANNEL, Breakdown.TEAM);
    static final Set<Kpi> TREND_KPIS = Set.of(Kpi.VOLUME, Kpi.FRT_MEDIAN_S, Kpi.FRT_P90_S, Kpi.RESOLUTION_RATE,
            Kpi.REPEAT_CONTACT_RATE, Kpi.NPS, Kpi.NPS_MARGIN_OF_ERROR);
    static final List<String> FRT_BUCKETS = List.of("\u22641m", "1m-1h", "1h-4h", "4h-24h", ">24h", "no_response");

    private ReportBuilder() {
    }

    /** The report of {@code week}; throws {@link IllegalArgumentException} when the store has no row for it. */
    public static WeeklyReport build(DSLContext dsl, CskpiConfig config, IsoWeek week, Filters filters) {
        KpiStore store = new KpiStore(dsl);
        IsoWeek first = week.minusWeeks(TREND_WEEKS - 1);
        KpiHistory history = new KpiHistory(store.reportRows(week, first, TREND_BREAKDOWNS, TREND_KPIS));
        List<IsoWeek> stored = store.weeks();
        if (history.findAll(week, Kpi.VOLUME).isEmpty() && history.findAll(week, Kpi.NPS).isEmpty()) {
            throw new IllegalArgumentException("the KPI store has no figures for " + week
                    + " (weeks with data: " + describe(stored) + ")");
        }
        List<IsoWeek> weeks = trendWeeks(week, stored);
        List<Tile> tiles = Tiles.build(history, week, filters, config);
        WeekAnswers answers = store.weekAnswers(week, config.business().zone());
        List<ChartSpec> charts = charts(history, store, config, week, weeks, filters, answers.perScore());
        List<Narrative.Change> changes = Narrative.changes(tiles, history, week, filters.isNone(),
                config.frtTargetSeconds());
        List<String> sentences = Narrative.sentences(tiles, changes, week);
        List<NpsAnswer> comments = answers.detractorComments();
        boolean incomplete = history.find(week, filters.breakdown(), filters.breakdownValue(), Kpi.VOLUME)
                .or(() -> history.findAll(week, Kpi.VOLUME))
                .map(WeeklyKpi::incomplete).orElse(false);
        return new WeeklyReport(config.survey().brand(), config.business().zone(), week, filters, incomplete, tiles, sentences, charts,
                BreakdownTable.of(history, week, Breakdown.TEAM, store.names(Breakdown.TEAM)),
                BreakdownTable.of(history, week, Breakdown.AGENT, store.names(Breakdown.AGENT)), comments, stored,
                changes, store.dataAsOf(week), config.report().ticketUrl());
    }

    /**
     * The {@link #TREND_WEEKS} weeks up to {@code week}, or fewer when the store's first week is
     * later: a week before any data is an empty column whose report does not exist.
     */
    static List<IsoWeek> trendWeeks(IsoWeek week, List<IsoWeek> stored) {
        List<IsoWeek> weeks = new ArrayList<>();
        for (int i = TREND_WEEKS - 1; i >= 0; i--) {
            IsoWeek w = week.minusWeeks(i);
            if (i == 0 || stored.isEmpty() || w.compareTo(stored.get(0)) >= 0) {
                weeks.add(w);
            }
        }
        return weeks;
    }

    private static List<ChartSpec> charts(KpiHistory history, KpiStore store, CskpiConfig config, IsoWeek week,
                                          List<IsoWeek> weeks, Filters filters, long[] answersPerScore) {
        List<String> channels = filters.channel().map(List::of)
                .orElseGet(() -> history.values(weeks, Breakdown.CHANNEL));
        Map<String, Long> targets = new TreeMap<>(config.frtTargetSeconds());
        Breakdown breakdown = filters.breakdown();
        String value = filters.breakdownValue();
        return List.of(
                TrendCharts.frtByChannel(Kpi.FRT_MEDIAN_S, weeks, history, channels, targets),
                TrendCharts.frtByChannel(Kpi.FRT_P90_S, weeks, history, channels, targets),
                TrendCharts.rates(weeks, history, breakdown, value),
                TrendCharts.nps(weeks, history, breakdown, value),
                HeatmapChart.busiestHours("busiest-hours", "Busiest hours, " + week,
                        store.busiestHours(week, week), config.business()),
                HeatmapChart.busiestHours("busiest-hours-12w", "Busiest hours, last " + weeks.size() + " weeks",
                        store.busiestHours(weeks.get(0), week), config.business()),
                ComplaintsChart.topComplaints(store.topComplaints(week), 10),
                NpsCharts.distribution(answersPerScore),
                NpsCharts.byBreakdown("nps-by-channel", "NPS by channel", history, week, Breakdown.CHANNEL,
                        history.values(week, Breakdown.CHANNEL)),
                NpsCharts.byBreakdown("nps-by-frt-bucket", "NPS by first response time", history, week,
                        Breakdown.FRT_BUCKET, FRT_BUCKETS));
    }

    private static String describe(List<IsoWeek> weeks) {
        if (weeks.isEmpty()) {
            return "none; run ./cskpi analyze first";
        }
        return weeks.get(0) + " to " + weeks.get(weeks.size() - 1);
    }
}
