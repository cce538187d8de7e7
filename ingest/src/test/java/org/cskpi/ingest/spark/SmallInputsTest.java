package org.cskpi.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class SmallInputsTest {

    final SparkSession spark = SharedSpark.session();
    final RuntimeConfig conf = spark.conf();

    @AfterEach
    void forget() {
        conf.unset(SmallInputs.LIMIT_KEY);
        conf.unset(Sessions.USER_KEYS);
    }

    @Test
    void a_small_step_runs_on_one_partition_without_adaptive_stages_or_generated_code_and_then_the_settings_come_back() {
        String partitions = conf.get("spark.sql.shuffle.partitions");
        assertThat(conf.contains("spark.sql.codegen.factoryMode")).isFalse();

        try (SmallInputs small = SmallInputs.forInput(spark, 10_000)) {
            assertThat(small.applied()).isTrue();
            assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("1");
            assertThat(conf.get("spark.sql.adaptive.enabled")).isEqualTo("false");
            assertThat(conf.get("spark.sql.codegen.wholeStage")).isEqualTo("false");
            assertThat(conf.get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
            assertThat(spark.range(0, 100).groupBy().count().first().getLong(0)).isEqualTo(100);
        }

        assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo(partitions);
        assertThat(conf.contains("spark.sql.codegen.factoryMode")).as("unset again").isFalse();
        assertThat(conf.get("spark.sql.codegen.wholeStage")).isEqualTo("true");
    }

    @Test
    void an_input_above_the_limit_changes_nothing() {
        try (SmallInputs small = SmallInputs.forInput(spark, SmallInputs.LIMIT_BYTES + 1)) {
            assertThat(small.applied()).isFalse();
            assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("2");
            assertThat(small.stagingLevel()).as("large staging stays out of memory").isEqualTo(StorageLevel.DISK_ONLY());
        }
        try (SmallInputs small = SmallInputs.forInput(spark, SmallInputs.LIMIT_BYTES)) {
            assertThat(small.applied()).as("the limit itself is small").isTrue();
            assertThat(small.stagingLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK());
        }
    }

    @Test
    void the_limit_can_be_moved_and_zero_turns_it_off() {
        conf.set(SmallInputs.LIMIT_KEY, "0");
        try (SmallInputs small = SmallInputs.forInput(spark, 1)) {
            assertThat(small.applied()).isFalse();
        }
        conf.set(SmallInputs.LIMIT_KEY, String.valueOf(SmallInputs.LIMIT_BYTES * 4));
        try (SmallInputs small = SmallInputs.forInput(spark, SmallInputs.LIMIT_BYTES * 2)) {
            assertThat(small.applied()).isTrue();
        }
    }

    @Test
    void a_setting_the_user_gave_is_kept() {
        conf.set(Sessions.USER_KEYS, "spark.app.name,spark.sql.shuffle.partitions");
        try (SmallInputs small = SmallInputs.forInput(spark, 1)) {
            assertThat(small.applied()).isTrue();
            assertThat(small.stagingLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK());
            assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("2");
            assertThat(conf.get("spark.sql.codegen.wholeStage")).isEqualTo("false");
        }
    }

    @Test
    void the_size_of_an_input_sums_files_and_directories_and_skips_what_is_not_there(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.csv"), new byte[300]);
        Path version = Files.createDirectories(dir.resolve("tickets/v-000001"));
        Files.write(version.resolve("part-0.parquet"), new byte[1000]);
        Files.write(version.resolve("part-1.parquet"), new byte[24]);

        long bytes = SmallInputs.bytesUnder(spark, List.of(hadoop(dir.resolve("a.csv")), hadoop(version),
                hadoop(dir.resolve("missing"))));

        assertThat(bytes).isEqualTo(1324);
    }

    private static org.apache.hadoop.fs.Path hadoop(Path path) {
        return new org.apache.hadoop.fs.Path(path.toUri());
    }
}
