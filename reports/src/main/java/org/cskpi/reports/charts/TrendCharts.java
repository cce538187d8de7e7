package org.cskpi.reports.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.reports.data.IsoWeek;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.cartesian.LogAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.marker.MarkLine;
import org.icepear.echarts.components.marker.MarkLine1DDataItem;
import org.icepear.echarts.charts.line.LineAreaStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.series.SeriesLineLabel;
import org.icepear.echarts.origin.util.SeriesOption;

/** The 12-week trend charts (issue 7): FRT per channel against targets, rates, NPS with its band. */
public final class TrendCharts {

    private TrendCharts() {
    }

    /**
     * FRT median (solid) and p90 (dashed) per channel, in minutes on a log axis (chat targets are
     * seconds, e-mail targets hours), with each channel's target as a dotted line.
     */
    public static ChartSpec frtByChannel(List<IsoWeek> weeks, KpiHistory history, List<String> channels,
                                         Map<String, Long> targetSeconds) {
        String[] labels = Axes.weekLabels(weeks, history, "all", "all", List.of("frt_median_s"));
        List<SeriesOption> series = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            String colour = Palette.channel(channel, i);
            Double[] median = new Double[weeks.size()];
            Double[] p90 = new Double[weeks.size()];
            for (int w = 0; w < weeks.size(); w++) {
                Optional<WeeklyKpi> m = history.find(weeks.get(w), "channel", channel, "frt_median_s");
                Optional<WeeklyKpi> p = history.find(weeks.get(w), "channel", channel, "frt_p90_s");
                median[w] = Axes.rounded(m, 1 / 60.0, 2);
                p90[w] = Axes.rounded(p, 1 / 60.0, 2);
                Long target = targetSeconds.get(channel);
                rows.add(List.of(weeks.get(w).toString(), channel, cell(m), cell(p),
                        target == null ? "" : target, m.map(WeeklyKpi::incomplete).orElse(false)));
            }
            LineSeries medianSeries = line(channel + " median", colour, median);
            Long target = targetSeconds.get(channel);
            if (target != null) {
                medianSeries.setMarkLine(targetLine(channel, colour, target));
            }
            series.add(medianSeries);
            series.add(line(channel + " p90", colour, p90).setLineStyle(new LineStyle().setType("dashed")));
        }
        Option option = Axes.trendBase(labels)
                .setYAxis(new LogAxis().setType("log").setName("minutes"))
                .setSeries(series.toArray(SeriesOption[]::new));
        DataTable data = new DataTable(List.of("week", "channel", "frt_median_s", "frt_p90_s",
                "frt_target_s", "incomplete"), rows);
        return new ChartSpec("frt-trend", "First response time per channel, 12 weeks",
                "Median (solid) and p90 (dashed) in minutes, log scale; dotted lines are the channel targets. "
                        + "Weeks marked * are incomplete.", option, data);
    }

    /** Resolution rate and repeat-contact rate of the scope, in percent. */
    public static ChartSpec rates(List<IsoWeek> weeks, KpiHistory history, String breakdown, String value) {
        List<String> kpis = List.of("resolution_rate", "repeat_contact_rate");
        String[] labels = Axes.weekLabels(weeks, history, breakdown, value, kpis);
        List<List<Object>> rows = new ArrayList<>();
        Double[][] values = new Double[kpis.size()][weeks.size()];
        for (int w = 0; w < weeks.size(); w++) {
            List<Object> row = new ArrayList<>(List.of(weeks.get(w).toString()));
            boolean incomplete = false;
            for (int k = 0; k < kpis.size(); k++) {
                Optional<WeeklyKpi> r = history.find(weeks.get(w), breakdown, value, kpis.get(k));
                values[k][w] = Axes.rounded(r, 100, 1);
                row.add(cell(r));
                incomplete |= r.map(WeeklyKpi::incomplete).orElse(false);
            }
            row.add(incomplete);
            rows.add(row);
        }
        Option option = Axes.trendBase(labels)
                .setYAxis(new ValueAxis().setType("value").setName("%").setMin(0).setMax(100))
                .setSeries(new SeriesOption[] {
                    line("Resolution rate", Palette.GOOD, values[0]),
                    line("Repeat contact rate", Palette.BAD, values[1])});
        return new ChartSpec("rates-trend", "Resolution and repeat-contact rates, 12 weeks",
                "Share of the week's tickets resolved, and share that repeat a contact within the window. "
                        + "Weeks marked * are incomplete.", option,
                new DataTable(List.of("week", "resolution_rate", "repeat_contact_rate", "incomplete"), rows));
    }

    /** NPS with its 95% margin of error as a shaded band (KPIS.md, "Margin of error"), clamped to -100..100. */
    public static ChartSpec nps(List<IsoWeek> weeks, KpiHistory history, String breakdown, String value) {
        String[] labels = Axes.weekLabels(weeks, history, breakdown, value, List.of("nps"));
        Double[] nps = new Double[weeks.size()];
        Double[] lower = new Double[weeks.size()];
        Double[] band = new Double[weeks.size()];
        List<List<Object>> rows = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            Optional<WeeklyKpi> n = history.find(weeks.get(w), breakdown, value, "nps");
            Optional<WeeklyKpi> m = history.find(weeks.get(w), breakdown, value, "nps_margin_of_error");
            nps[w] = Axes.rounded(n, 1, 1);
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
        LineSeries lowerSeries = line("band low", Palette.NEUTRAL, lower)
                .setStack("margin").setSymbol("none").setSilent(true)
                .setLineStyle(new LineStyle().setOpacity(0));
        LineSeries bandSeries = line("95% margin", Palette.NEUTRAL, band)
                .setStack("margin").setSymbol("none").setSilent(true)
                .setLineStyle(new LineStyle().setOpacity(0))
                .setAreaStyle(new LineAreaStyle().setColor("#8c959f").setOpacity(0.3));
        Option option = Axes.trendBase(labels)
                .setYAxis(new ValueAxis().setType("value").setName("NPS").setMin(-100).setMax(100))
                .setSeries(new SeriesOption[] {lowerSeries, bandSeries, line("NPS", "#0969da", nps)});
        return new ChartSpec("nps-trend", "NPS with margin of error, 12 weeks",
                "NPS (-100 to 100) with its 95% margin of error shaded. Weeks marked * are incomplete.", option,
                new DataTable(List.of("week", "nps", "nps_margin_of_error", "nps_responses", "incomplete"), rows));
    }

    private static LineSeries line(String name, String colour, Double[] values) {
        return new LineSeries().setType("line").setName(name).setColor(colour)
                .setConnectNulls(false).setData(values);
    }

    private static MarkLine targetLine(String channel, String colour, long targetSeconds) {
        MarkLine1DDataItem item = new MarkLine1DDataItem()
                .setName(channel + " target")
                .setYAxis(Axes.round(targetSeconds / 60.0, 2));
        return new MarkLine().setSilent(true).setSymbol("none")
                .setLineStyle(new LineStyle().setType("dotted").setColor(colour))
                .setLabel(new SeriesLineLabel().setFormatter(channel + " target").setPosition("insideEndTop"))
                .setData(new Object[] {item});
    }

    private static Object cell(Optional<WeeklyKpi> row) {
        return row.map(WeeklyKpi::value).map(Object.class::cast).orElse("");
    }
}
