package org.cskpi.ingest.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class WarehouseTest {

    @Test
    void a_table_never_written_is_absent(SparkSession spark, @TempDir Path dir) {
        assertThat(Warehouse.at(spark, dir.toString()).table("tickets")).isEmpty();
    }

    @Test
    void replace_makes_the_new_version_current_and_keeps_two(SparkSession spark, @TempDir Path dir) {
        Warehouse warehouse = Warehouse.at(spark, dir.toString());
        for (int i = 1; i <= 3; i++) {
            warehouse.replace("t", numbers(spark, i));
        }
        assertThat(warehouse.table("t").orElseThrow().count()).isEqualTo(3);
        assertThat(dir.resolve("t").toFile().list()).containsExactlyInAnyOrder("v-000002", "v-000003");
    }

    @Test
    void a_version_left_uncommitted_by_a_killed_run_is_ignored(SparkSession spark, @TempDir Path dir) throws Exception {
        Warehouse warehouse = Warehouse.at(spark, dir.toString());
        warehouse.replace("t", numbers(spark, 2));
        Path half = Files.createDirectories(dir.resolve("t/v-000002"));
        Files.writeString(half.resolve("part-00000.parquet"), "half written");
        assertThat(warehouse.table("t").orElseThrow().count()).isEqualTo(2);
        warehouse.replace("t", numbers(spark, 5));
        assertThat(warehouse.table("t").orElseThrow().count()).isEqualTo(5);
        assertThat(dir.resolve("t").toFile().list()).containsExactlyInAnyOrder("v-000001", "v-000003");
    }

    private static Dataset<Row> numbers(SparkSession spark, int n) {
        List<Integer> values = java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
        return spark.createDataset(values, Encoders.INT()).toDF("n");
    }
}
