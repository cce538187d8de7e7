package org.cskpi.analytics.backlog;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.cskpi.analytics.period.Weeks;
import org.cskpi.analytics.tidy.Breakdowns;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.store.kpi.Kpi;

/**
 * Backlog at the week's end (docs/kpis.md#backlog): tickets created before the week's end
 * whose (first) {@code resolved_at} is null or after the week's end. Computed as a running
 * balance per breakdown value: +1 in the week a ticket is created, −1 in the week it is first
 * resolved (never before its creation week), summed over all weeks up to the week. A week
 * ends Monday 00:00; a resolution at that very instant belongs to the week that ends, so
 * "resolved in week W or earlier" is exactly "resolved_at not after W's end".
 * Rows for the weeks (and values) that have tickets created; the sample size is the backlog
 * itself, so a backlog of 0 is an empty sample and has no row.
 */
public final class Backlog {

    private Backlog() {
    }

    /**
     * The instant 1 µs earlier: a ticket resolved exactly at a week's end (Monday 00:00) is
     * not "resolved after the week's end", so its resolution closes the week that ends then.
     */
    public static Column justBefore(Column at) {
        return timestamp_micros(unix_micros(at).minus(1));
    }

    /**
     * Input: ticket facts, not exploded; the breakdowns to report besides {@code all}. The facts
     * are first counted per (creation week, closing week, breakdown values) — the balance only
     * needs counts — so the explode and the two aggregations below see a few rows per week and
     * value instead of one per ticket and breakdown.
     */
    public static Dataset<Row> backlogKpis(Dataset<Row> facts, List<Breakdowns.BreakdownColumn> breakdowns, ZoneId zone) {
        Columns.require(facts, "ticket facts", "week", "week_end", "resolved_at");
        List<Column> keys = new ArrayList<>(List.of(col("week"), col("week_end"),
                when(col("resolved_at").isNotNull(),
                        greatest(col("week"), Weeks.isoWeek(justBefore(col("resolved_at")), zone))).as("closed_week")));
        breakdowns.forEach(b -> keys.add(col(b.column())));
        Dataset<Row> counted = facts.groupBy(keys.toArray(Column[]::new)).agg(count(lit(1)).as("tickets"));
        Dataset<Row> exploded = Breakdowns.explodeBreakdowns(counted, breakdowns);
        Dataset<Row> opened = exploded.select(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE),
                col("week"), col("week_end"), col("tickets").as("opened"), lit(0L).as("closed"));
        // No filter on closed_week here: one pushed below the count would make this branch a
        // second scan of every ticket. Unresolved tickets add a row of week null closing 0,
        // which the running sum ignores and the opened > 0 filter drops.
        Dataset<Row> closed = exploded
                .select(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE), col("closed_week").as("week"),
                        lit(null).cast("timestamp").as("week_end"), lit(0L).as("opened"),
                        when(col("closed_week").isNotNull(), col("tickets")).otherwise(lit(0L)).as("closed"));
        WindowSpec upToWeek = Window.partitionBy(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE))
                .orderBy(col("week")).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> balance = opened.unionByName(closed)
                .groupBy(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE), col("week"))
                .agg(max(col("week_end")).as("week_end"), sum(col("opened")).as("opened"), sum(col("closed")).as("closed"))
                .withColumn("backlog", sum(col("opened").minus(col("closed"))).over(upToWeek))
                .filter(col("opened").gt(0));
        return Tidy.unpivot(balance, Tidy.metric(Kpi.BACKLOG, col("backlog"), col("backlog")));
    }
}
