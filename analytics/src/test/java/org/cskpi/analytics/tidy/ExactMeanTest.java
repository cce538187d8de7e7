package org.cskpi.analytics.tidy;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ExactMeanTest {

    private static final StructType SECONDS = new StructType().add("frt_s", DataTypes.DoubleType, true);

    private static Dataset<Row> seconds(SparkSession spark, Double... values) {
        List<Row> rows = java.util.Arrays.stream(values).map(v -> RowFactory.create(v)).toList();
        return spark.createDataFrame(rows, SECONDS).coalesce(1);
    }

    @Test
    void the_mean_does_not_depend_on_the_order_of_the_rows_where_a_mean_of_doubles_does(SparkSession spark) {
        Dataset<Row> up = seconds(spark, 0.1, 0.2, 0.3);
        Dataset<Row> down = seconds(spark, 0.3, 0.2, 0.1);

        // The reason for the exact mean: (0.1 + 0.2) + 0.3 and (0.3 + 0.2) + 0.1 differ as doubles.
        double doubleUp = up.agg(avg(col("frt_s"))).first().getDouble(0);
        double doubleDown = down.agg(avg(col("frt_s"))).first().getDouble(0);
        assertThat(doubleUp).isNotEqualTo(doubleDown);

        assertThat(up.agg(Tidy.exactMeanSeconds("frt_s")).first().getDouble(0)).isEqualTo(0.2);
        assertThat(down.agg(Tidy.exactMeanSeconds("frt_s")).first().getDouble(0)).isEqualTo(0.2);
    }

    @Test
    void nulls_are_skipped_and_microseconds_are_kept(SparkSession spark) {
        Dataset<Row> rows = seconds(spark, 86_400.000001, null, 3_600.000002);

        assertThat(rows.agg(Tidy.exactMeanSeconds("frt_s")).first().getDouble(0)).isEqualTo(45_000.0000015);
        assertThat(seconds(spark, (Double) null).agg(Tidy.exactMeanSeconds("frt_s")).first().isNullAt(0)).isTrue();
    }
}
