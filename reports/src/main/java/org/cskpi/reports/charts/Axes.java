package org.cskpi.reports.charts;

import java.util.List;
import java.util.Map;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.icepear.echarts.Option;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.legend.Legend;

/** The pieces every weekly trend chart shares: week axis, grid, legend, tooltip. */
final class Axes {

    /** Pixels between the week axis and its labels. */
    static final int WEEK_LABEL_MARGIN = 14;

    private Axes() {
    }

    /**
     * Week labels; a week with any incomplete value in {@code scope} is starred so that a
     * reader never compares it silently with complete ones (docs/kpis.md#incomplete-weeks).
     */
    static String[] weekLabels(List<IsoWeek> weeks, KpiHistory history, Breakdown breakdown, String value,
                               List<Kpi> kpis) {
        return weeks.stream().map(w -> {
            boolean incomplete = kpis.stream().anyMatch(k ->
                    history.find(w, breakdown, value, k).map(WeeklyKpi::incomplete).orElse(false));
            return incomplete ? w + "*" : w.toString();
        }).toArray(String[]::new);
    }

    /** "12 weeks", or fewer when the store starts later. */
    static String span(List<IsoWeek> weeks) {
        return weeks.size() == 1 ? "1 week" : weeks.size() + " weeks";
    }

    static Option trendBase(String[] weekLabels) {
        return new Option()
                .setAnimation(false)
                // the last week's label is centred on the right edge of the plot: half of it needs room
                .setGrid(new Grid().setLeft(8).setRight(36).setTop(48).setBottom(8).setContainLabel(true))
                .setLegend(new Legend().setTop(0).setType("scroll"))
                .setTooltip(Tips.tooltip("axis", Tips.WEEK))
                .setXAxis(new CategoryAxis().setType("category").setBoundaryGap(false).setData(weekLabels)
                        // the first week sits under the value axis' lowest label, which it ran into at the
                        // default 8 px; aligning the end labels inwards instead made ECharts hide them on phones
                        .setAxisLabel((Object) Map.of("margin", WEEK_LABEL_MARGIN)));
    }

    static double round(double value, int digits) {
        double factor = Math.pow(10, digits);
        return Math.round(value * factor) / factor;
    }
}
