package org.cskpi.analytics.tidy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPIs read from one aggregation grouped by {@link Breakdowns#KEYS}: the named aggregate
 * columns (names unique across families) and the metrics computed from them. Families over
 * the same exploded facts {@link #combine} into one aggregation — one scan, one explode and
 * one shuffle for all of them instead of one each, which is most of analyze's time on large
 * inputs.
 */
public record KpiFamily(List<Column> aggregates, List<Tidy.Metric> metrics) {

    public KpiFamily {
        if (aggregates.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException("a KPI family needs aggregates and metrics");
        }
        aggregates = List.copyOf(aggregates);
        metrics = List.copyOf(metrics);
    }

    public static KpiFamily of(List<Column> aggregates, Tidy.Metric... metrics) {
        return new KpiFamily(aggregates, Arrays.asList(metrics));
    }

    public static KpiFamily combine(KpiFamily... families) {
        List<Column> aggregates = new ArrayList<>();
        List<Tidy.Metric> metrics = new ArrayList<>();
        for (KpiFamily family : families) {
            aggregates.addAll(family.aggregates);
            metrics.addAll(family.metrics);
        }
        return new KpiFamily(aggregates, metrics);
    }

    /** Input: facts exploded by breakdown. Output: tidy rows without flags (with week_end). */
    public Dataset<Row> kpis(Dataset<Row> exploded) {
        Dataset<Row> aggregated = exploded.groupBy(Breakdowns.KEYS)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        return Tidy.unpivot(aggregated, metrics.toArray(Tidy.Metric[]::new));
    }
}
