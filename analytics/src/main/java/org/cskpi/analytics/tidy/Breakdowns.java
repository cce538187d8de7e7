package org.cskpi.analytics.tidy;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.store.kpi.Breakdown;

/**
 * Breakdowns (docs/kpis.md#breakdowns): every fact row is repeated once per breakdown it
 * belongs to, as {@code (breakdown, breakdown_value)} — {@code all/all} always, then each
 * breakdown whose value is not null (a null team or agent leaves the ticket out of that
 * breakdown only). A KPI is then one aggregation grouped by {@link #KEYS}.
 */
public final class Breakdowns {

    public static final String BREAKDOWN = "breakdown";
    public static final String BREAKDOWN_VALUE = "breakdown_value";
    public static final String WEEK = "week";
    public static final String WEEK_END = "week_end";
    /** The grouping of every tidy KPI aggregation, by name (for joins on it). */
    public static final String[] KEY_NAMES = {WEEK, WEEK_END, BREAKDOWN, BREAKDOWN_VALUE};
    /** The grouping of every tidy KPI aggregation. */
    public static final Column[] KEYS = Arrays.stream(KEY_NAMES).map(name -> col(name)).toArray(Column[]::new);

    /** One breakdown and the fact column that carries its value. */
    public record BreakdownColumn(Breakdown breakdown, String column) {
    }

    /** channel, category, team, agent (column agent_id) — the ticket breakdowns besides all. */
    public static final List<BreakdownColumn> TICKET = List.of(new BreakdownColumn(Breakdown.CHANNEL, "channel"),
            new BreakdownColumn(Breakdown.CATEGORY, "category"), new BreakdownColumn(Breakdown.TEAM, "team"),
            new BreakdownColumn(Breakdown.AGENT, "agent_id"));

    /** NPS adds locale and frt_bucket. */
    public static final List<BreakdownColumn> NPS = List.of(new BreakdownColumn(Breakdown.CHANNEL, "channel"),
            new BreakdownColumn(Breakdown.CATEGORY, "category"), new BreakdownColumn(Breakdown.TEAM, "team"),
            new BreakdownColumn(Breakdown.AGENT, "agent_id"), new BreakdownColumn(Breakdown.LOCALE, "locale"),
            new BreakdownColumn(Breakdown.FRT_BUCKET, "frt_bucket"));

    private Breakdowns() {
    }

    /**
     * Adds {@code breakdown} and {@code breakdown_value}, one output row per breakdown of each
     * input row ({@code all} plus every non-null breakdown column).
     */
    public static Dataset<Row> explodeBreakdowns(Dataset<Row> facts, List<BreakdownColumn> breakdowns) {
        List<Column> entries = new ArrayList<>();
        entries.add(struct(lit(Breakdown.ALL.storedName()).as(BREAKDOWN), lit(Breakdown.ALL_VALUE).as(BREAKDOWN_VALUE)));
        List<String> needed = new ArrayList<>();
        for (BreakdownColumn breakdown : breakdowns) {
            needed.add(breakdown.column());
            entries.add(struct(lit(breakdown.breakdown().storedName()).as(BREAKDOWN),
                    col(breakdown.column()).cast("string").as(BREAKDOWN_VALUE)));
        }
        Columns.require(facts, "facts", needed.toArray(String[]::new));
        Column present = filter(array(entries.toArray(Column[]::new)), entry -> entry.getField(BREAKDOWN_VALUE).isNotNull());
        return facts.withColumn("breakdown_entry", explode(present))
                .withColumn(BREAKDOWN, col("breakdown_entry").getField(BREAKDOWN))
                .withColumn(BREAKDOWN_VALUE, col("breakdown_entry").getField(BREAKDOWN_VALUE))
                .drop("breakdown_entry");
    }
}
