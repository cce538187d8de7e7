package org.cskpi.ingest.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
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

    @Test
    void readers_stay_on_the_version_the_store_recorded_and_pruning_keeps_it(SparkSession spark, @TempDir Path dir) {
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
            Warehouse warehouse = Warehouse.at(spark, dir.toString(), runs.versions());
            commit(runs, warehouse.replace("t", numbers(spark, 1)));
            // Two runs killed after writing their version, before their store commit:
            warehouse.replace("t", numbers(spark, 2));
            warehouse.replace("t", numbers(spark, 3));
            assertThat(warehouse.table("t").orElseThrow().count()).isEqualTo(1);
            assertThat(dir.resolve("t").toFile().list()).containsExactlyInAnyOrder("v-000001", "v-000002", "v-000003");

            org.apache.hadoop.fs.Path fourth = warehouse.replace("t", numbers(spark, 4));
            assertThat(dir.resolve("t").toFile().list()).containsExactlyInAnyOrder("v-000001", "v-000003", "v-000004");
            assertThat(warehouse.table("t").orElseThrow().count()).isEqualTo(1);
            commit(runs, fourth);
            assertThat(warehouse.table("t").orElseThrow().count()).isEqualTo(4);
            assertThat(warehouse.read(fourth).count()).isEqualTo(4);
        }
    }

    @Test
    void a_recorded_version_that_is_gone_is_an_error_not_an_older_version(SparkSession spark, @TempDir Path dir)
            throws Exception {
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
            Warehouse warehouse = Warehouse.at(spark, dir.toString(), runs.versions());
            warehouse.replace("t", numbers(spark, 1));
            commit(runs, warehouse.replace("t", numbers(spark, 2)));
            Files.delete(dir.resolve("t/v-000002/_SUCCESS"));
            assertThatThrownBy(() -> warehouse.table("t")).isInstanceOf(UserError.class)
                    .hasMessageContaining("the KPI store says the current t is").hasMessageContaining("v-000002");
        }
    }

    @Test
    void a_recorded_version_must_be_a_version_name_not_a_path(SparkSession spark, @TempDir Path dir) {
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
            runs.succeeded(runs.start("test"), RunLog.Counts.NONE, "forged", Map.of("t", "../../elsewhere"));
            assertThatThrownBy(() -> Warehouse.at(spark, dir.toString(), runs.versions()).table("t"))
                    .isInstanceOf(UserError.class).hasMessageContaining("not a warehouse version");
        }
    }

    private static void commit(RunLog runs, org.apache.hadoop.fs.Path version) {
        runs.succeeded(runs.start("test"), RunLog.Counts.NONE, "wrote " + version,
                Map.of(version.getParent().getName(), version.getName()));
    }

    private static Dataset<Row> numbers(SparkSession spark, int n) {
        List<Integer> values = java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
        return spark.createDataset(values, Encoders.INT()).toDF("n");
    }
}
