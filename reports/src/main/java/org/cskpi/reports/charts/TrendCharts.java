package org.cskpi.reports.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.format.Figures;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.line.LineAreaStyle;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.cartesian.LogAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.legend.Legend;
import org.icepear.echarts.components.marker.MarkLine1DDataItem;
import org.icepear.echarts.components.marker.MarkLine;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.series.SeriesLineLabel;
import org.icepear.echarts.origin.util.SeriesOption;

/** The 12-week trend charts (issue 7): FRT per channel against targets, rates, NPS with its band. */
public final class TrendCharts {

    private TrendCharts() {
    }

    /**
     * One FRT statistic ({@code frt_median_s} or {@code frt_p90_s}) per channel, in minutes on a log
     * axis (chat targets are seconds, e-mail targets hours), with the channel targets as dotted lines.
     */
    public static ChartSpec frtByChannel(Kpi kpi, List<IsoWeek> weeks, KpiHistory history, List<String> channels,
                                         Map<String, Long> targetSeconds) {
        String statistic = kpi == Kpi.FRT_MEDIAN_S ? "median" : "p90";
        String[] labels = Axes.weekLabels(weeks, history, Breakdown.ALL, Breakdown.ALL_VALUE, List.of(kpi));
        List<SeriesOption> series = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            Object[] values = new Object[weeks.size()];
            for (int w = 0; w < weeks.size(); w++) {
                Optional<WeeklyKpi> row = history.find(weeks.get(w), Breakdown.CHANNEL, channel, kpi);
                values[w] = row.map(r -> new Tips.Item(Axes.round(r.value() / 60, 2),
                        channel + " \u00b7 " + statistic + " " + Figures.duration(r.value()))).orElse(null);
                Long target = targetSeconds.get(channel);
                rows.add(List.of(weeks.get(w).toString(), channel, cell(row),
                        row.map(WeeklyKpi::sampleSize).map(Object.class::cast).orElse(""),
                        target == null ? "" : target, row.map(WeeklyKpi::incomplete).orElse(false)));
            }
            series.add(line(channel, Palette.channel(channel, i), values));
        }
        if (!series.isEmpty()) {
            ((LineSeries) series.get(0)).setMarkLine(targetLines(channels, targetSeconds));
        }
        targetRange(channels, targetSeconds).ifPresent(series::add);
        Option option = Axes.trendBase(labels)
                .setLegend(new Legend().setTop(0).setType("scroll").setData(channels.toArray(String[]::new)))
                .setYAxis(new LogAxis().setType("log").setName("minutes"))
                .setSeries(series.toArray(SeriesOption[]::new));
        DataTable data = new DataTable(List.of("week", "channel", kpi.storedName(), "sample_size", "frt_target_s",
                "incomplete"),
                rows);
        return new ChartSpec("frt-" + statistic + "-trend",
                "First response " + statistic + " per channel, " + Axes.span(weeks),
                "FRT " + statistic + " in minutes, log scale; dotted lines are the channel targets. "
                        + "Weeks marked * are incomplete.", option, data);
    }

    /** Resolution rate and repeat-contact rate of the scope, in percent. */
    public static ChartSpec rates(List<IsoWeek> weeks, KpiHistory history, Breakdown breakdown, String value) {
        List<Kpi> kpis = List.of(Kpi.RESOLUTION_RATE, Kpi.REPEAT_CONTACT_RATE);
        String[] labels = Axes.weekLabels(weeks, history, breakdown, value, kpis);
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = List.of("Resolution rate", "Repeat contact rate");
        Object[][] values = new Object[kpis.size()][weeks.size()];
        for (int w = 0; w < weeks.size(); w++) {
            List<Object> row = new ArrayList<>(List.of(weeks.get(w).toString()));
            boolean incomplete = false;
            for (int k = 0; k < kpis.size(); k++) {
                Optional<WeeklyKpi> r = history.find(weeks.get(w), breakdown, value, kpis.get(k));
                String name = names.get(k);
                values[k][w] = r.map(x -> new Tips.Item(Axes.round(x.value() * 100, 1),
                        name + " \u00b7 " + Figures.percent(x.value()))).orElse(null);
                row.add(cell(r));
                incomplete |= r.map(WeeklyKpi::incomplete).orElse(false);
            }
            row.add(incomplete);
            rows.add(row);
        }
        Option option = Axes.trendBase(labels)
                .setYAxis(new ValueAxis().setType("value").setName("%").setMin(0).setMax(100))
                .setSeries(new SeriesOption[] {
                    line(names.get(0), Palette.GOOD, values[0]),
                    line(names.get(1), Palette.BAD, values[1])});
        return new ChartSpec("rates-trend", "Resolution and repeat-contact rates, " + Axes.span(weeks),
                "Share of the week's tickets resolved, and share that repeat a contact within the window. "
                        + "Weeks marked * are incomplete.", option,
                new DataTable(List.of("week", kpis.get(0).storedName(), kpis.get(1).storedName(), "incomplete"), rows));
    }

    /** NPS with its 95% margin of error as a shaded band (docs/kpis.md#margin-of-error), clamped to -100..100. */
    public static ChartSpec nps(List<IsoWeek> weeks, KpiHistory history, Breakdown breakdown, String value) {
        String[] labels = Axes.weekLabels(weeks, history, breakdown, value, List.of(Kpi.NPS));
        Object[] nps = new Object[weeks.size()];
        Double[] lower = new Double[weeks.size()];
        Double[] band = new Double[weeks.size()];
        List<List<Object>> rows = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            Optional<WeeklyKpi> n = history.find(weeks.get(w), breakdown, value, Kpi.NPS);
            Optional<WeeklyKpi> m = history.find(weeks.get(w), breakdown, value, Kpi.NPS_MARGIN_OF_ERROR);
            nps[w] = n.map(x -> new Tips.Item(Axes.round(x.value(), 1), Tips.nps(x, m.map(WeeklyKpi::value)))).orElse(null);
            if (n.isPresent() && m.isPresent()) {
                double lo = Math.max(-100, n.get().value() - m.get().value());
                double hi = Math.min(100, n.get().value() + m.get().value());
                lower[w] = Axes.round(lo, 1);
                band[w] = Axes.round(hi - lo, 1);
            }
            rows.add(List.of(weeks.get(w).toString(), cell(n), cell(m),
                    n.map(WeeklyKpi::sampleSize).map(Object.class::cast).orElse(""),
                    n.map(WeeklyKpi::incomplete).orElse(false)));
        }
        LineSeries lowerSeries = new BandSeries().setType("line").setName("band low").setColor(Palette.NEUTRAL)
                .setData(lower)
                .setStack("margin").setSymbol("none").setSilent(true)
                .setLineStyle(new LineStyle().setOpacity(0));
        LineSeries bandSeries = new BandSeries().setType("line").setName("95% margin").setColor(Palette.NEUTRAL)
                .setData(band)
                .setStack("margin").setSymbol("none").setSilent(true)
                .setLineStyle(new LineStyle().setOpacity(0))
                .setAreaStyle(new LineAreaStyle().setColor("#8c959f").setOpacity(0.3));
        Option option = Axes.trendBase(labels)
                .setLegend(new Legend().setTop(0).setData(new String[] {"NPS", "95% margin"}))
                .setYAxis(new ValueAxis().setType("value").setName("NPS").setScale(true))
                .setSeries(new SeriesOption[] {lowerSeries, bandSeries, line("NPS", "#0969da", nps)});
        return new ChartSpec("nps-trend", "NPS with margin of error, " + Axes.span(weeks),
                "NPS (-100 to 100) with its 95% margin of error shaded. Weeks marked * are incomplete.", option,
                new DataTable(List.of("week", Kpi.NPS.storedName(), Kpi.NPS_MARGIN_OF_ERROR.storedName(),
                        Kpi.NPS_RESPONSES.storedName(), "incomplete"), rows));
    }

    /**
     * An invisible series a little below the lowest target and above the highest, so that the axis
     * ECharts fits to the data shows every target line clear of its edges: fitted to the data alone,
     * a p90 axis starting at 100 min never drew chat's 1 min target. (An explicit axis minimum below
     * the data put ECharts 5.5's target lines at infinity.) It has no tooltip text, so the tooltip
     * leaves it out.
     */
    static Optional<LineSeries> targetRange(List<String> channels, Map<String, Long> targetSeconds) {
        List<Double> minutes = channels.stream().map(targetSeconds::get).filter(Objects::nonNull)
                .map(t -> t / 60.0).sorted().toList();
        if (minutes.isEmpty()) {
            return Optional.empty();
        }
        Object[] ends = {new Object[] {0, Axes.round(minutes.get(0) * 0.9, 2)},
            new Object[] {0, Axes.round(minutes.get(minutes.size() - 1) * 1.1, 2)}};
        return Optional.of(new LineSeries().setType("line").setName("target range").setData(ends)
                .setSymbol("none").setSilent(true).setLineStyle(new LineStyle().setOpacity(0)));
    }

    private static LineSeries line(String name, String colour, Object[] values) {
        return new LineSeries().setType("line").setName(name).setColor(colour)
                .setConnectNulls(false).setData(values);
    }

    /** One dotted line per distinct target, labelled with the channels that share it. */
    private static MarkLine targetLines(List<String> channels, Map<String, Long> targetSeconds) {
        Map<Long, List<String>> byTarget = new TreeMap<>();
        for (String channel : channels) {
            Long target = targetSeconds.get(channel);
            if (target != null) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(channel);
            }
        }
        List<Object> lines = new ArrayList<>();
        byTarget.forEach((target, names) -> lines.add(new MarkLine1DDataItem()
                .setName(String.join(", ", names) + " target")
                .setYAxis(Axes.round(target / 60.0, 2))
                .setLabel(new SeriesLineLabel().setFormatter(String.join(", ", names) + " target "
                        + Figures.duration(target)).setPosition("insideStartTop"))));
        return new MarkLine().setSilent(true).setSymbol("none")
                .setLineStyle(new LineStyle().setType("dotted").setColor(Palette.NEUTRAL).setWidth(1.5))
                .setData(lines.toArray());
    }

    private static Object cell(Optional<WeeklyKpi> row) {
        return row.map(WeeklyKpi::value).map(Object.class::cast).orElse("");
    }
}
