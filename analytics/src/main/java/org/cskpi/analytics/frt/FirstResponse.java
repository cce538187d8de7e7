package org.cskpi.analytics.frt;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.analytics.tidy.Tidy.metric;

import java.util.List;
import org.apache.spark.sql.Column;
import org.cskpi.analytics.tidy.ExactPercentiles.Percentile;
import org.cskpi.analytics.tidy.KpiFamily;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.store.kpi.Kpi;

/**
 * First response time (docs/kpis.md#first-response-time): {@code first_response_at − created_at}
 * over tickets with a first response (not after the cut-off); exact median and p90 (Spark's
 * {@code percentile}, linear interpolation; computed by
 * {@link org.cskpi.analytics.tidy.ExactPercentiles}) and mean on the calendar clock, median and p90
 * on the business clock; the count of responded tickets is the sample size.
 * {@code frt_within_target_rate}: responded tickets whose calendar FRT ≤ their channel's
 * target ÷ responded tickets of channels that have a target.
 */
public final class FirstResponse {

    private FirstResponse() {
    }

    private static final Column HAS_TARGET = col("is_responded").and(col("frt_target_s").isNotNull());

    /**
     * Over ticket facts exploded by breakdown. Every aggregate sees all tickets of the group:
     * frt_s and frt_business_s are null for tickets without a (timely) first response, and
     * percentile and avg skip nulls, so this equals aggregating the responded tickets only.
     */
    public static final KpiFamily FAMILY = KpiFamily.of(List.of(
                    sum(when(col("is_responded"), 1).otherwise(0)).as("responded"),
                    Tidy.exactMeanSeconds("frt_s").as("frt_mean"),
                    sum(when(HAS_TARGET, 1).otherwise(0)).as("with_target"),
                    sum(when(HAS_TARGET.and(col("frt_s").leq(col("frt_target_s"))), 1).otherwise(0)).as("within_target")),
            List.of(new Percentile("frt_s", 0.5, "frt_median"), new Percentile("frt_s", 0.9, "frt_p90"),
                    new Percentile("frt_business_s", 0.5, "frt_business_median"),
                    new Percentile("frt_business_s", 0.9, "frt_business_p90")),
            metric(Kpi.FRT_MEDIAN_S, col("frt_median"), col("responded")),
            metric(Kpi.FRT_P90_S, col("frt_p90"), col("responded")),
            metric(Kpi.FRT_MEAN_S, col("frt_mean"), col("responded")),
            metric(Kpi.FRT_BUSINESS_MEDIAN_S, col("frt_business_median"), col("responded")),
            metric(Kpi.FRT_BUSINESS_P90_S, col("frt_business_p90"), col("responded")),
            metric(Kpi.FRT_WITHIN_TARGET_RATE, Tidy.ratio(col("within_target"), col("with_target")), col("with_target")));

}
