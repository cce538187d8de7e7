package org.cskpi.analytics.tidy;

import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.analytics.tidy.ExactPercentiles.Percentile;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.store.kpi.Breakdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ExactPercentilesTest {

    private static final StructType FACTS = new StructType()
            .add("week", DataTypes.StringType, false)
            .add("week_end", DataTypes.TimestampType, false)
            .add("channel", DataTypes.StringType, true)
            .add("agent_id", DataTypes.LongType, true)
            .add("a", DataTypes.DoubleType, true)
            .add("b", DataTypes.DoubleType, true);
    private static final List<Breakdowns.BreakdownColumn> BREAKDOWNS = List.of(
            new Breakdowns.BreakdownColumn(Breakdown.CHANNEL, "channel"),
            new Breakdowns.BreakdownColumn(Breakdown.AGENT, "agent_id"));
    private static final Timestamp W1_END = Timestamp.valueOf("2026-01-05 00:00:00");
    private static final Timestamp W2_END = Timestamp.valueOf("2026-01-12 00:00:00");

    @Test
    void interpolates_between_the_closest_ranks_at_n_minus_1_times_p() {
        double[] sorted = {10, 20, 30, 40};
        // position 1.5: halfway between 20 and 30; position 2.7: 0.3 × 30 + 0.7 × 40.
        assertThat(ExactPercentiles.ofSorted(sorted, 4, 0.5)).isCloseTo(25.0, within(1e-12));
        assertThat(ExactPercentiles.ofSorted(sorted, 4, 0.9)).isCloseTo(37.0, within(1e-12));
        assertThat(ExactPercentiles.ofSorted(sorted, 4, 0.0)).isEqualTo(10.0);
        assertThat(ExactPercentiles.ofSorted(sorted, 4, 1.0)).isEqualTo(40.0);
        // Only the first n values count; one value is every percentile.
        assertThat(ExactPercentiles.ofSorted(sorted, 1, 0.9)).isEqualTo(10.0);
        // Equal neighbours give the value itself, never an interpolation's rounding of it.
        double[] ties = {0.1, 0.1};
        assertThat(ExactPercentiles.ofSorted(ties, 2, 0.3)).isEqualTo(0.1);
    }

    @Test
    void percentiles_per_breakdown_value_skip_nulls_and_tickets_without_the_breakdown(SparkSession spark) {
        // W1: email 10, 20, 30, 40 (agent 7 answers 10 and 20); chat 5; one ticket with no
        // channel and no agent, a = 100; one email ticket with a null a.
        // all = {5, 10, 20, 30, 40, 100}: median rank 2.5 -> 25, p90 rank 4.5 -> 70.
        // b: only chat has a value (1.5); every other group's b is null.
        List<Row> rows = List.of(
                fact("2026-W01", W1_END, "email", 7L, 10.0, null),
                fact("2026-W01", W1_END, "email", 7L, 20.0, null),
                fact("2026-W01", W1_END, "email", null, 30.0, null),
                fact("2026-W01", W1_END, "email", null, 40.0, null),
                fact("2026-W01", W1_END, "email", 8L, null, null),
                fact("2026-W01", W1_END, "chat", null, 5.0, 1.5),
                fact("2026-W01", W1_END, null, null, 100.0, null));
        Map<String, Row> result = byGroup(ExactPercentiles.perBreakdown(spark.createDataFrame(rows, FACTS), BREAKDOWNS,
                List.of(new Percentile("a", 0.5, "a_median"), new Percentile("a", 0.9, "a_p90"),
                        new Percentile("b", 0.5, "b_median"))));

        assertThat(result.keySet()).containsExactlyInAnyOrder("2026-W01/all/all", "2026-W01/channel/email",
                "2026-W01/channel/chat", "2026-W01/agent/7", "2026-W01/agent/8");
        Row all = result.get("2026-W01/all/all");
        assertThat(all.getDouble(4)).isCloseTo(25.0, within(1e-9));
        assertThat(all.getDouble(5)).isCloseTo(70.0, within(1e-9));
        assertThat(all.getDouble(6)).isEqualTo(1.5);
        assertThat(all.get(1)).isEqualTo(W1_END);
        Row email = result.get("2026-W01/channel/email");
        assertThat(email.getDouble(4)).isCloseTo(25.0, within(1e-9));
        assertThat(email.getDouble(5)).isCloseTo(37.0, within(1e-9));
        assertThat(email.isNullAt(6)).isTrue();
        assertThat(result.get("2026-W01/agent/7").getDouble(4)).isCloseTo(15.0, within(1e-9));
        assertThat(result.get("2026-W01/agent/8").isNullAt(4)).as("agent 8's only a is null").isTrue();
        assertThat(result.get("2026-W01/channel/chat").getDouble(5)).isEqualTo(5.0);
    }

    @Test
    void equals_sparks_percentile_exactly_on_random_facts_with_ties_and_nulls(SparkSession spark) {
        Random random = new Random(20261125);
        String[] channels = {"email", "chat", "phone", null};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            boolean w1 = random.nextBoolean();
            Double a = random.nextInt(10) == 0 ? null : (double) random.nextInt(50) * 0.1;
            Double b = random.nextInt(4) == 0 ? null : random.nextDouble() * 86_400;
            Long agent = random.nextInt(5) == 0 ? null : (long) random.nextInt(40);
            rows.add(fact(w1 ? "2026-W01" : "2026-W02", w1 ? W1_END : W2_END, channels[random.nextInt(4)], agent, a, b));
        }
        Dataset<Row> facts = spark.createDataFrame(rows, FACTS);
        List<Percentile> percentiles = List.of(new Percentile("a", 0.5, "a_median"), new Percentile("a", 0.9, "a_p90"),
                new Percentile("b", 0.5, "b_median"), new Percentile("b", 0.9, "b_p90"), new Percentile("b", 0.25, "b_p25"));
        Map<String, Row> ours = byGroup(ExactPercentiles.perBreakdown(facts, BREAKDOWNS, percentiles));
        Map<String, Row> sparks = byGroup(Breakdowns.explodeBreakdowns(facts, BREAKDOWNS).groupBy(Breakdowns.KEYS)
                .agg(expr("percentile(a, 0.5)"), expr("percentile(a, 0.9)"), expr("percentile(b, 0.5)"),
                        expr("percentile(b, 0.9)"), expr("percentile(b, 0.25)")));

        assertThat(ours.keySet()).hasSizeGreaterThan(80).isEqualTo(sparks.keySet());
        for (String group : sparks.keySet()) {
            for (int i = 4; i < 9; i++) {
                assertThat(ours.get(group).get(i)).as(group + " column " + i).isEqualTo(sparks.get(group).get(i));
            }
        }
    }

    @Test
    void a_percentile_outside_0_to_1_is_refused() {
        assertThatThrownBy(() -> new Percentile("frt_s", 90, "frt_p90"))
                .hasMessageContaining("frt_s").hasMessageContaining("0..1");
    }

    private static Row fact(String week, Timestamp weekEnd, String channel, Long agent, Double a, Double b) {
        return RowFactory.create(week, weekEnd, channel, agent, a, b);
    }

    private static Map<String, Row> byGroup(Dataset<Row> rows) {
        Map<String, Row> byGroup = new HashMap<>();
        for (Row row : rows.collectAsList()) {
            Row previous = byGroup.put(row.getString(0) + "/" + row.getString(2) + "/" + row.getString(3), row);
            assertThat(previous).as("one row per group").isNull();
        }
        return byGroup;
    }
}
