package org.cskpi.analytics.tidy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPIs read from one aggregation grouped by {@link Breakdowns#KEYS}: the named aggregate
 * columns and exact percentiles (names unique across families) and the metrics computed from
 * them. Families over the same facts {@link #combine} into one aggregation — one scan, one
 * explode and one shuffle for all of them instead of one each, which is most of analyze's
 * time on large inputs. Percentiles are computed apart ({@link ExactPercentiles}) and joined
 * on the keys, so the aggregation itself keeps fixed-size buffers.
 */
public record KpiFamily(List<Column> aggregates, List<ExactPercentiles.Percentile> percentiles,
                        List<Tidy.Metric> metrics) {

    public KpiFamily {
        if (aggregates.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException("a KPI family needs aggregates and metrics");
        }
        aggregates = List.copyOf(aggregates);
        percentiles = List.copyOf(percentiles);
        metrics = List.copyOf(metrics);
    }

    public static KpiFamily of(List<Column> aggregates, Tidy.Metric... metrics) {
        return new KpiFamily(aggregates, List.of(), Arrays.asList(metrics));
    }

    public static KpiFamily of(List<Column> aggregates, List<ExactPercentiles.Percentile> percentiles,
                               Tidy.Metric... metrics) {
        return new KpiFamily(aggregates, percentiles, Arrays.asList(metrics));
    }

    public static KpiFamily combine(KpiFamily... families) {
        List<Column> aggregates = new ArrayList<>();
        List<ExactPercentiles.Percentile> percentiles = new ArrayList<>();
        List<Tidy.Metric> metrics = new ArrayList<>();
        for (KpiFamily family : families) {
            aggregates.addAll(family.aggregates);
            percentiles.addAll(family.percentiles);
            metrics.addAll(family.metrics);
        }
        return new KpiFamily(aggregates, percentiles, metrics);
    }

    /**
     * Input: one fact row per ticket with week, week_end, the breakdown columns and every
     * column the family reads. Output: tidy rows without flags (with week_end).
     */
    public Dataset<Row> kpis(Dataset<Row> facts, List<Breakdowns.BreakdownColumn> breakdowns) {
        Dataset<Row> aggregated = Breakdowns.explodeBreakdowns(facts, breakdowns).groupBy(Breakdowns.KEYS)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        if (!percentiles.isEmpty()) {
            aggregated = aggregated.join(ExactPercentiles.perBreakdown(facts, breakdowns, percentiles),
                    Breakdowns.KEY_NAMES, "left");
        }
        return Tidy.unpivot(aggregated, metrics.toArray(Tidy.Metric[]::new));
    }
}
