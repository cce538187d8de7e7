package org.cskpi.analytics.busiest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.analytics.tidy.Tidy.metric;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.analytics.tidy.KpiFamily;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.store.kpi.Kpi;

/**
 * When tickets arrive (docs/kpis.md#busiest-hours): the {@code busiest_hours} table — tickets
 * created per (week, ISO weekday 1 = Monday, hour 0–23) in the business zone, non-zero cells
 * only (a grouping never yields empty cells) — and {@code after_hours_share}: tickets created
 * outside business hours (closed days and holidays are outside) ÷ tickets created.
 */
public final class BusiestHours {

    private BusiestHours() {
    }

    /** Input: ticket facts (not exploded). Output: week, weekday, hour, tickets. */
    public static Dataset<Row> busiestHours(Dataset<Row> facts) {
        Columns.require(facts, "ticket facts", "week", "created_weekday", "created_hour");
        return facts.groupBy(col("week"), col("created_weekday").as("weekday"), col("created_hour").as("hour"))
                .agg(count(lit(1)).as("tickets"));
    }

    /** Over ticket facts exploded by breakdown. */
    public static final KpiFamily AFTER_HOURS = KpiFamily.of(List.of(
                    count(lit(1)).as("arrived"),
                    sum(when(col("is_after_hours"), 1).otherwise(0)).as("after_hours")),
            metric(Kpi.AFTER_HOURS_SHARE, Tidy.ratio(col("after_hours"), col("arrived")), col("arrived")));

}
