package org.cskpi.reports.charts;

import org.icepear.echarts.charts.line.LineSeries;

/**
 * A line series stacked with {@code stackStrategy: "all"} (ECharts 5.5), which the wrapper has no
 * setter for. The default stacks only values of the same sign, so a margin band whose lower edge
 * is negative would start at 0 instead of at the lower edge.
 */
final class BandSeries extends LineSeries {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unused") // read by the wrapper's JSON serialiser
    private final String stackStrategy = "all";
}
