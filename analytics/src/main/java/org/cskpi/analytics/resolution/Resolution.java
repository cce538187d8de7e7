package org.cskpi.analytics.resolution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
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
 * Resolution KPIs (docs/kpis.md#ticket-kpis), over the week's cohort:
 * <ul>
 *   <li>resolution time {@code resolved_at − created_at} (first resolution; median, p90, mean,
 *       business median) over resolved tickets; full resolution median over tickets with
 *       {@code final_resolved_at};</li>
 *   <li>{@code resolution_rate}: resolved ÷ created; {@code resolution_rate_7d}: resolved
 *       within 7 × 86,400 s ÷ created ("resolved" always means resolved_at is set);</li>
 *   <li>{@code one_touch_rate}: of resolved tickets with known agent_replies, those with
 *       exactly 1 reply and reopens 0 or unknown;</li>
 *   <li>{@code reopen_rate}: of resolved tickets with known reopens, those with reopens &gt; 0.</li>
 * </ul>
 * Unknown counts are left out of the sample, never read as 0 ("missing data is not zero").
 */
public final class Resolution {

    static final double SEVEN_DAYS_S = 7 * 86_400;

    private Resolution() {
    }

    private static final Column RESOLVED = col("is_resolved");

    /** Over ticket facts exploded by breakdown. */
    public static final KpiFamily FAMILY = KpiFamily.of(List.of(
                    count(lit(1)).as("created"),
                    sum(when(RESOLVED, 1).otherwise(0)).as("resolved"),
                    sum(when(RESOLVED.and(col("resolution_s").leq(SEVEN_DAYS_S)), 1).otherwise(0)).as("resolved_7d"),
                    Tidy.exactMeanSeconds("resolution_s").as("res_mean"),
                    count(col("full_resolution_s")).as("fully_resolved"),
                    sum(when(RESOLVED.and(col("agent_replies").isNotNull()), 1).otherwise(0)).as("touch_known"),
                    sum(when(RESOLVED.and(col("agent_replies").equalTo(1)).and(coalesce(col("reopens"), lit(0)).equalTo(0)), 1)
                            .otherwise(0)).as("one_touch"),
                    sum(when(RESOLVED.and(col("reopens").isNotNull()), 1).otherwise(0)).as("reopens_known"),
                    sum(when(RESOLVED.and(col("reopens").gt(0)), 1).otherwise(0)).as("reopened")),
            List.of(new Percentile("resolution_s", 0.5, "res_median"), new Percentile("resolution_s", 0.9, "res_p90"),
                    new Percentile("resolution_business_s", 0.5, "res_business_median"),
                    new Percentile("full_resolution_s", 0.5, "full_median")),
            metric(Kpi.RESOLUTION_TIME_MEDIAN_S, col("res_median"), col("resolved")),
            metric(Kpi.RESOLUTION_TIME_P90_S, col("res_p90"), col("resolved")),
            metric(Kpi.RESOLUTION_TIME_MEAN_S, col("res_mean"), col("resolved")),
            metric(Kpi.RESOLUTION_TIME_BUSINESS_MEDIAN_S, col("res_business_median"), col("resolved")),
            metric(Kpi.FULL_RESOLUTION_TIME_MEDIAN_S, col("full_median"), col("fully_resolved")),
            metric(Kpi.RESOLUTION_RATE, Tidy.ratio(col("resolved"), col("created")), col("created")),
            metric(Kpi.RESOLUTION_RATE_7D, Tidy.ratio(col("resolved_7d"), col("created")), col("created")),
            metric(Kpi.ONE_TOUCH_RATE, Tidy.ratio(col("one_touch"), col("touch_known")), col("touch_known")),
            metric(Kpi.REOPEN_RATE, Tidy.ratio(col("reopened"), col("reopens_known")), col("reopens_known")));

}
