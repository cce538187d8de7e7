package org.cskpi.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.cskpi.config.CskpiConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which layer each Spark setting comes from (docs/configuration.md#precedence); no session is started. */
class SessionsTest {

    @TempDir
    Path dir;

    private CskpiConfig yaml() throws IOException {
        Path file = Files.writeString(dir.resolve("cskpi.yaml"), """
                spark:
                  master: spark://yaml:7077
                  shuffle_partitions: 8
                  options:
                    spark.executor.memory: 2g
                    spark.ui.enabled: "true"
                """);
        return CskpiConfig.load(Optional.of(file), dir);
    }

    private static SparkConf submitted() {
        return new SparkConf(false).setMaster("spark://submitted:7077").set("spark.executor.memory", "4g")
                .set("spark.sql.shuffle.partitions", "200");
    }

    @Test
    void the_command_line_master_wins_over_spark_submit_and_the_config() throws IOException {
        SparkConf conf = Sessions.conf(yaml().withSparkMaster("local[3]"), "ingest", submitted());

        assertThat(conf.get("spark.master")).isEqualTo("local[3]");
    }

    @Test
    void spark_submit_wins_over_the_config() throws IOException {
        SparkConf conf = Sessions.conf(yaml(), "analyze", submitted());

        assertThat(conf.get("spark.master")).isEqualTo("spark://submitted:7077");
        assertThat(conf.get("spark.executor.memory")).isEqualTo("4g");
        assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("200");
    }

    @Test
    void the_config_fills_what_spark_submit_leaves_unset_and_wins_over_the_defaults() throws IOException {
        SparkConf conf = Sessions.conf(yaml(), "analyze", new SparkConf(false));

        assertThat(conf.get("spark.master")).isEqualTo("spark://yaml:7077");
        assertThat(conf.get("spark.executor.memory")).isEqualTo("2g");
        assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("8");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("true");
    }

    @Test
    void with_nothing_set_a_job_runs_locally_on_cskpis_defaults() {
        SparkConf conf = Sessions.conf(CskpiConfig.defaults(dir), "sql", new SparkConf(false));

        assertThat(conf.get("spark.master")).isEqualTo("local[*]");
        assertThat(conf.get("spark.app.name")).isEqualTo("cskpi sql");
        assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("4");
        assertThat(conf.get("spark.sql.session.timeZone")).isEqualTo("UTC");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
    }
}
