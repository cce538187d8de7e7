package org.cskpi.reports.data;

/** One row of {@code kpi_weekly} (docs/kpis.md#names-in-the-kpi-store). */
public record WeeklyKpi(String week, String breakdown, String breakdownValue, String kpi,
                        double value, long sampleSize, boolean smallSample, boolean incomplete) {
}
