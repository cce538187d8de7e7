package org.cskpi.reports.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.format.Figures;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarLabel;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.coord.AxisLine;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;

/** NPS of the week: score distribution 0-10 and NPS per breakdown value (docs/kpis.md#nps). */
public final class NpsCharts {

    private NpsCharts() {
    }

    /** Answers per score 0-10 ({@code counts[s]}: answers with score s), coloured detractor / passive / promoter. */
    public static ChartSpec distribution(long[] counts) {
        String[] scores = new String[11];
        Object[] bars = new Object[11];
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s <= 10; s++) {
            scores[s] = Integer.toString(s);
            bars[s] = new Tips.Item(counts[s], "score " + s + " \u00b7 " + counts[s]
                    + (counts[s] == 1 ? " answer (" : " answers (") + group(s) + ")")
                    .itemStyle(new BarItemStyle().setColor(Palette.npsScore(s)));
            rows.add(List.of(s, group(s), counts[s]));
        }
        Option option = bars(scores, bars, "answers");
        return new ChartSpec("nps-distribution", "NPS answers by score",
                "Answers of the week per score: red detractors (0-6), amber passives (7-8), green promoters (9-10).",
                option, new DataTable(List.of("score", "group", "answers"), rows));
    }

    /**
     * NPS per value of a breakdown ({@code channel} or {@code frt_bucket}) in the week; each bar
     * is labelled with its margin of error and answer count; small samples are drawn pale. The bars
     * lie across (one row per value) with the label on the other side of zero, space no bar uses:
     * labels on top of upright bars ran into each other at phone width.
     */
    public static ChartSpec byBreakdown(String id, String title, KpiHistory history, IsoWeek week,
                                        Breakdown breakdown, List<String> order) {
        List<String> values = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String value : order) {
            Optional<WeeklyKpi> nps = history.find(week, breakdown, value, Kpi.NPS);
            if (nps.isEmpty()) {
                continue;
            }
            Optional<Double> margin = history.find(week, breakdown, value, Kpi.NPS_MARGIN_OF_ERROR)
                    .map(WeeklyKpi::value);
            WeeklyKpi n = nps.get();
            values.add(value);
            String label = Figures.npsSigned(n.value())
                    + margin.map(m -> " \u00b1" + Math.round(m)).orElse("") + " (n=" + n.sampleSize() + ")";
            bars.add(new Tips.Item(Axes.round(n.value(), 1), value + " \u00b7 " + Tips.nps(n, margin)
                            + (n.smallSample() ? ", small sample" : ""))
                    .itemStyle(new BarItemStyle().setColor(n.value() >= 0 ? Palette.PROMOTER : Palette.DETRACTOR)
                            .setOpacity(n.smallSample() ? 0.45 : 1))
                    .label(new BarLabel().setShow(true).setPosition(n.value() >= 0 ? "left" : "right")
                            .setFormatter(label)));
            rows.add(List.of(value, n.value(), margin.map(Object.class::cast).orElse(""), n.sampleSize(),
                    n.smallSample(), n.incomplete()));
        }
        Option option = new Option()
                .setAnimation(false)
                .setTooltip(Tips.tooltip("axis", Tips.ITEMS))
                .setGrid(new Grid().setLeft(8).setRight(24).setTop(8).setBottom(8).setContainLabel(true))
                .setXAxis(new ValueAxis().setType("value").setMin(-100).setMax(100))
                .setYAxis(new CategoryAxis().setType("category").setData(values.toArray(String[]::new))
                        .setInverse(true).setAxisLine(new AxisLine().setOnZero(false)))
                .setSeries(new BarSeries().setType("bar").setName("NPS").setData(bars.toArray()));
        return new ChartSpec(id, title, "NPS of the week's answers per " + breakdown.storedName().replace('_', ' ')
                + ", with margin of error and answers; pale bars are small samples (under 30 answers).",
                option, new DataTable(List.of(breakdown.storedName(), Kpi.NPS.storedName(),
                        Kpi.NPS_MARGIN_OF_ERROR.storedName(), Kpi.NPS_RESPONSES.storedName(),
                        "small_sample", "incomplete"), rows));
    }

    private static Option bars(String[] categories, Object[] bars, String name) {
        return new Option()
                .setAnimation(false)
                .setTooltip(Tips.tooltip("axis", Tips.ITEMS))
                .setGrid(new Grid().setLeft(8).setRight(8).setTop(32).setBottom(8).setContainLabel(true))
                .setXAxis(new CategoryAxis().setType("category").setData(categories)
                        .setAxisLabel((Object) java.util.Map.of("interval", 0)))
                .setYAxis(new ValueAxis().setType("value").setName(name))
                .setSeries(new BarSeries().setType("bar").setName(name).setData(bars));
    }

    private static String group(int score) {
        return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    }
}
