package org.cskpi.analytics.tidy;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cskpi.store.kpi.Breakdown;

/**
 * Exact percentiles of fact columns per (week, week_end, breakdown, breakdown_value), equal to
 * Spark's {@code percentile}: nulls skipped, linear interpolation between the closest ranks at
 * position {@code (n − 1) × p}.
 *
 * <p>Why not {@code percentile} itself: it keeps a map of boxed values per group and, with more
 * groups than its hash map holds, falls back to sorting every exploded row; at 10M tickets
 * that was half of analyze. Here the facts are shuffled once by week, unexploded, and each
 * week's values are bucketed per breakdown value into primitive arrays and sorted in memory.
 * So one week's values must fit in an executor task's heap: 8 bytes per value, column and
 * breakdown — about 400 MB for a week of 2M tickets with five columns and five breakdowns.
 */
public final class ExactPercentiles {

    /** One output column {@code as}: percentile {@code percentile} (0–1) of the fact column {@code column}. */
    public record Percentile(String column, double percentile, String as) {

        public Percentile {
            if (!(percentile >= 0 && percentile <= 1)) {
                throw new IllegalArgumentException("percentile of " + column + " must be within 0..1, got " + percentile);
            }
        }
    }

    private ExactPercentiles() {
    }

    /**
     * Input: one fact row per ticket with week, week_end, the breakdown columns and the
     * percentiles' columns (numeric). Output: one row per group with at least one fact —
     * {@link Breakdowns#KEYS} and one double column per percentile, null when the group has no
     * non-null value of that column.
     */
    public static Dataset<Row> perBreakdown(Dataset<Row> facts, List<Breakdowns.BreakdownColumn> breakdowns,
                                            List<Percentile> percentiles) {
        List<String> valueColumns = percentiles.stream().map(Percentile::column).distinct().toList();
        List<String> needed = new ArrayList<>(List.of(Breakdowns.WEEK, Breakdowns.WEEK_END));
        breakdowns.forEach(b -> needed.add(b.column()));
        needed.addAll(valueColumns);
        Columns.require(facts, "facts", needed.toArray(String[]::new));
        List<Column> narrow = new ArrayList<>(List.of(col(Breakdowns.WEEK), col(Breakdowns.WEEK_END)));
        breakdowns.forEach(b -> narrow.add(col(b.column()).cast("string")));
        valueColumns.forEach(c -> narrow.add(col(c).cast("double")));

        List<String> names = new ArrayList<>(List.of(Breakdown.ALL.storedName()));
        breakdowns.forEach(b -> names.add(b.breakdown().storedName()));
        int[] columnOf = percentiles.stream().mapToInt(p -> valueColumns.indexOf(p.column())).toArray();
        double[] ps = percentiles.stream().mapToDouble(Percentile::percentile).toArray();

        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(Breakdowns.WEEK, DataTypes.StringType, false),
                facts.schema().apply(Breakdowns.WEEK_END),
                DataTypes.createStructField(Breakdowns.BREAKDOWN, DataTypes.StringType, false),
                DataTypes.createStructField(Breakdowns.BREAKDOWN_VALUE, DataTypes.StringType, false)));
        percentiles.forEach(p -> fields.add(DataTypes.createStructField(p.as(), DataTypes.DoubleType, true)));

        return facts.select(narrow.toArray(Column[]::new))
                .groupByKey((MapFunction<Row, String>) row -> row.getString(0), Encoders.STRING())
                .flatMapGroups(new WeekPercentiles(names.toArray(String[]::new), valueColumns.size(), columnOf, ps),
                        Encoders.row(new StructType(fields.toArray(StructField[]::new))));
    }

    /**
     * {@code percentile} of the first {@code n} values of {@code sorted} (ascending, n ≥ 1), as
     * Spark computes it: the value at rank {@code (n − 1) × p}, interpolated linearly between
     * the two closest ranks when that is not whole and their values differ.
     */
    static double ofSorted(double[] sorted, int n, double p) {
        double position = (n - 1) * p;
        int lower = (int) Math.floor(position);
        int higher = (int) Math.ceil(position);
        double low = sorted[lower];
        if (higher == lower) {
            return low;
        }
        double high = sorted[higher];
        if (Double.compare(high, low) == 0) {
            return low;
        }
        return (higher - position) * low + (position - lower) * high;
    }

    /**
     * All rows of one week: row layout week, week_end, one string per breakdown after "all",
     * one double per value column.
     */
    private record WeekPercentiles(String[] breakdowns, int valueColumns, int[] columnOf, double[] percentiles)
            implements FlatMapGroupsFunction<String, Row, Row> {

        @Override
        public Iterator<Row> call(String week, Iterator<Row> rows) {
            List<Map<String, Values[]>> groups = new ArrayList<>();
            for (int b = 0; b < breakdowns.length; b++) {
                groups.add(new HashMap<>());
            }
            int firstValue = 1 + breakdowns.length;
            Object weekEnd = null;
            while (rows.hasNext()) {
                Row row = rows.next();
                weekEnd = row.get(1);
                for (int b = 0; b < breakdowns.length; b++) {
                    String value = b == 0 ? Breakdown.ALL_VALUE : row.getString(1 + b);
                    if (value == null) {
                        continue;
                    }
                    Values[] values = groups.get(b).computeIfAbsent(value, v -> Values.of(valueColumns));
                    for (int c = 0; c < valueColumns; c++) {
                        if (!row.isNullAt(firstValue + c)) {
                            values[c].add(row.getDouble(firstValue + c));
                        }
                    }
                }
            }
            List<Row> out = new ArrayList<>();
            for (int b = 0; b < breakdowns.length; b++) {
                for (Map.Entry<String, Values[]> group : groups.get(b).entrySet()) {
                    out.add(row(week, weekEnd, breakdowns[b], group.getKey(), group.getValue()));
                }
            }
            return out.iterator();
        }

        private Row row(String week, Object weekEnd, String breakdown, String value, Values[] values) {
            Object[] fields = new Object[4 + columnOf.length];
            fields[0] = week;
            fields[1] = weekEnd;
            fields[2] = breakdown;
            fields[3] = value;
            for (Values v : values) {
                v.sort();
            }
            for (int i = 0; i < columnOf.length; i++) {
                Values v = values[columnOf[i]];
                fields[4 + i] = v.size == 0 ? null : ofSorted(v.items, v.size, percentiles[i]);
            }
            return RowFactory.create(fields);
        }
    }

    /** A growable array of doubles. */
    private static final class Values {
        private double[] items = new double[16];
        private int size;

        static Values[] of(int columns) {
            Values[] values = new Values[columns];
            for (int c = 0; c < columns; c++) {
                values[c] = new Values();
            }
            return values;
        }

        void add(double value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        void sort() {
            Arrays.sort(items, 0, size);
        }
    }
}
