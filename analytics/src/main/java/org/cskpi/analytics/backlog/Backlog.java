package org.cskpi.analytics.backlog;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;

import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.cskpi.analytics.period.Weeks;
import org.cskpi.analytics.tidy.Breakdowns;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.analytics.tidy.Tidy;

/**
 * Backlog at the week's end (KPIS.md, "Ticket KPIs"): tickets created before the week's end
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
    static Column justBefore(Column at) {
        return timestamp_micros(unix_micros(at).minus(1));
    }

    public static Dataset<Row> backlogKpis(Dataset<Row> exploded, ZoneId zone) {
        Columns.require(exploded, "exploded ticket facts", "week", "week_end", "resolved_at");
        Dataset<Row> opened = exploded.select(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE),
                col("week"), col("week_end"), lit(1L).as("opened"), lit(0L).as("closed"));
        Dataset<Row> closed = exploded.filter(col("resolved_at").isNotNull())
                .select(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE),
                        greatest(col("week"), Weeks.isoWeek(justBefore(col("resolved_at")), zone)).as("week"),
                        lit(null).cast("timestamp").as("week_end"), lit(0L).as("opened"), lit(1L).as("closed"));
        WindowSpec upToWeek = Window.partitionBy(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE))
                .orderBy(col("week")).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> balance = opened.unionByName(closed)
                .groupBy(col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE), col("week"))
                .agg(max(col("week_end")).as("week_end"), sum(col("opened")).as("opened"), sum(col("closed")).as("closed"))
                .withColumn("backlog", sum(col("opened").minus(col("closed"))).over(upToWeek))
                .filter(col("opened").gt(0));
        return Tidy.unpivot(balance, Tidy.metric("backlog", col("backlog"), col("backlog")));
    }
}
