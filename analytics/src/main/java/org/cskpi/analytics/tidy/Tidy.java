package org.cskpi.analytics.tidy;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cskpi.store.kpi.Kpi;

/**
 * The tidy shape of {@code kpi_weekly} (docs/kpis.md#names-in-the-kpi-store): week, breakdown,
 * breakdown_value, kpi, value, sample_size, small_sample, incomplete.
 */
public final class Tidy {

    public static final String KPI = "kpi";
    public static final String VALUE = "value";
    public static final String SAMPLE_SIZE = "sample_size";
    public static final String SMALL_SAMPLE = "small_sample";
    public static final String INCOMPLETE = "incomplete";
    /** docs/kpis.md#small-samples: small_sample is sample_size &lt; 30. */
    public static final long SMALL_SAMPLE_BELOW = 30;
    private static final long SEVEN_DAYS_MICROS = 7L * 86_400L * 1_000_000L;

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(Breakdowns.WEEK, DataTypes.StringType, false),
        DataTypes.createStructField(Breakdowns.BREAKDOWN, DataTypes.StringType, false),
        DataTypes.createStructField(Breakdowns.BREAKDOWN_VALUE, DataTypes.StringType, false),
        DataTypes.createStructField(KPI, DataTypes.StringType, false),
        DataTypes.createStructField(VALUE, DataTypes.DoubleType, false),
        DataTypes.createStructField(SAMPLE_SIZE, DataTypes.LongType, false),
        DataTypes.createStructField(SMALL_SAMPLE, DataTypes.BooleanType, false),
        DataTypes.createStructField(INCOMPLETE, DataTypes.BooleanType, false),
    });

    /** One KPI of an aggregated row: which KPI, and its value and sample size expressions. */
    public record Metric(Kpi kpi, Column value, Column sampleSize) {
    }

    /**
     * {@code numerator ÷ denominator} as a double, null when the denominator is 0 (Spark 4
     * runs in ANSI mode, where a division by zero fails the job; a null value drops the row).
     */
    public static Column ratio(Column numerator, Column denominator) {
        return when(denominator.notEqual(0),
                numerator.cast("double").divide(denominator.cast("double")));
    }

    /**
     * The mean of a seconds column (whole microseconds, as {@code TicketFacts.seconds} makes them),
     * the same whatever the order of the rows: it sums exact decimals, where a sum of doubles
     * depends on how the rows were partitioned, so an incremental run or another partitioning
     * could publish a mean differing in its last digits from a full run's.
     */
    public static Column exactMeanSeconds(String seconds) {
        return avg(col(seconds).cast(DataTypes.createDecimalType(18, 6))).cast("double");
    }

    public static Metric metric(Kpi kpi, Column value, Column sampleSize) {
        return new Metric(kpi, value, sampleSize);
    }

    private Tidy() {
    }

    /**
     * Turns one aggregated row per (week, week_end, breakdown, breakdown_value) into one row per
     * KPI. docs/kpis.md#which-rows-exist: a KPI whose sample is empty has no row — rows with
     * sample size 0 or a null value are dropped, never written as 0 or null.
     */
    public static Dataset<Row> unpivot(Dataset<Row> aggregated, Metric... metrics) {
        Columns.require(aggregated, "aggregated KPIs", Breakdowns.WEEK, Breakdowns.WEEK_END, Breakdowns.BREAKDOWN,
                Breakdowns.BREAKDOWN_VALUE);
        Column[] entries = Arrays.stream(metrics)
                .map(m -> struct(lit(m.kpi().storedName()).as(KPI), m.value().cast("double").as(VALUE),
                        m.sampleSize().cast("long").as(SAMPLE_SIZE)))
                .toArray(Column[]::new);
        return aggregated.select(col(Breakdowns.WEEK), col(Breakdowns.WEEK_END), col(Breakdowns.BREAKDOWN),
                        col(Breakdowns.BREAKDOWN_VALUE), explode(array(entries)).as("m"))
                .select(col(Breakdowns.WEEK), col(Breakdowns.WEEK_END), col(Breakdowns.BREAKDOWN),
                        col(Breakdowns.BREAKDOWN_VALUE), col("m." + KPI).as(KPI), col("m." + VALUE).as(VALUE),
                        col("m." + SAMPLE_SIZE).as(SAMPLE_SIZE))
                .filter(col(SAMPLE_SIZE).gt(0).and(col(VALUE).isNotNull()));
    }

    /**
     * Adds the flags and drops week_end (docs/kpis.md#periods-cut-off-and-flags):
     * small_sample is sample_size &lt; 30; incomplete when the week ends after the cut-off,
     * and for resolution_rate_7d also when the week's end + 7 × 86,400 s is after it.
     */
    public static Dataset<Row> withFlags(Dataset<Row> kpis, Instant cutOff) {
        Columns.require(kpis, "KPIs", Breakdowns.WEEK_END, KPI, SAMPLE_SIZE);
        Column cut = unix_micros(lit(Timestamp.from(cutOff)));
        Column end = unix_micros(col(Breakdowns.WEEK_END));
        Column incomplete = end.gt(cut)
                .or(col(KPI).equalTo(Kpi.RESOLUTION_RATE_7D.storedName()).and(end.plus(SEVEN_DAYS_MICROS).gt(cut)));
        return kpis.select(col(Breakdowns.WEEK), col(Breakdowns.BREAKDOWN), col(Breakdowns.BREAKDOWN_VALUE), col(KPI),
                col(VALUE), col(SAMPLE_SIZE), col(SAMPLE_SIZE).lt(SMALL_SAMPLE_BELOW).as(SMALL_SAMPLE),
                incomplete.as(INCOMPLETE));
    }
}
