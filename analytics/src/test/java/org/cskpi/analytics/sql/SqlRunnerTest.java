package org.cskpi.analytics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.store.Store;
import org.cskpi.sqlshell.ResultFormat;
import org.cskpi.sqlshell.SqlRunner;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class SqlRunnerTest {

    @TempDir
    static Path dir;
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void views() {
        SparkSession spark = SharedSpark.session();
        Warehouse.at(spark, dir.toString()).replace("kpi_weekly", spark.createDataFrame(List.of(
                RowFactory.create("2026-W43", "all", "all", "volume", 12.0, 12L, true, false),
                RowFactory.create("2026-W43", "all", "all", "nps", 20.0, 10L, true, false),
                RowFactory.create("2026-W43", "channel", "a,\"b\"", "volume", 1.0, 1L, true, false)), Tidy.SCHEMA));
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            SqlViews.register(spark, dir.toString(), store.dsl());
        }
    }

    private String run(SparkSession spark, ResultFormat format, String query, SqlRunner.RowCap cap) {
        new SqlRunner(spark, format, new PrintStream(out, true, StandardCharsets.UTF_8), cap).run(query);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String run(SparkSession spark, ResultFormat format, String query) {
        new SqlRunner(spark, format, new PrintStream(out, true, StandardCharsets.UTF_8), SqlRunner.RowCap.NONE).run(query);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csv_prints_just_the_header_and_rows(SparkSession spark) {
        assertThat(run(spark, ResultFormat.CSV,
                "select kpi, value from kpi_weekly where week='2026-W43' and breakdown='all' order by kpi"))
                .isEqualTo("kpi,value\nnps,20.0\nvolume,12.0\n");
    }

    @Test
    void csv_quotes_commas_and_quotes(SparkSession spark) {
        assertThat(run(spark, ResultFormat.CSV, "select breakdown_value from kpi_weekly where breakdown='channel'"))
                .isEqualTo("breakdown_value\n\"a,\"\"b\"\"\"\n");
    }

    @Test
    void json_prints_one_object_per_line(SparkSession spark) {
        assertThat(run(spark, ResultFormat.JSON, "select kpi, sample_size from kpi_weekly where kpi='nps'"))
                .isEqualTo("{\"kpi\":\"nps\",\"sample_size\":10}\n");
    }

    @Test
    void table_aligns_columns(SparkSession spark) {
        assertThat(run(spark, ResultFormat.TABLE, "select kpi, value from kpi_weekly where kpi='nps'"))
                .isEqualTo("kpi | value\n----+------\nnps | 20.0\n(1 row)\n");
    }

    @Test
    void every_view_exists_even_before_any_data(SparkSession spark) {
        assertThat(run(spark, ResultFormat.CSV, "select (select count(*) from tickets) t, (select count(*) from messages) m,"
                + " (select count(*) from survey_responses) s, (select count(*) from busiest_hours) b,"
                + " (select count(*) from top_complaints) c")).isEqualTo("t,m,s,b,c\n0,0,0,0,0\n");
    }

    @Test
    void a_bad_query_is_sparks_message_on_one_line(SparkSession spark) {
        assertThatThrownBy(() -> run(spark, ResultFormat.CSV, "select nope from kpi_weekly"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("nope")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> run(spark, ResultFormat.CSV, "selec 1")).isInstanceOf(UserError.class)
                .hasMessageContaining("PARSE_SYNTAX_ERROR");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static final String THREE_ROWS = "select kpi from kpi_weekly order by kpi, breakdown";
    private static final SqlRunner.RowCap TWO = new SqlRunner.RowCap(2, "use --local for all of them");

    @Test
    void a_capped_result_prints_the_first_rows_then_fails_saying_so(SparkSession spark) {
        assertThatThrownBy(() -> run(spark, ResultFormat.CSV, THREE_ROWS, TWO)).isInstanceOf(UserError.class)
                .hasMessage("the result has more than 2 rows and only the first 2 were printed; use --local for all of them");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("kpi\nnps\nvolume\n");
    }

    @Test
    void a_capped_table_says_it_has_more_and_json_stops_at_the_cap(SparkSession spark) {
        assertThatThrownBy(() -> run(spark, ResultFormat.TABLE, THREE_ROWS, TWO)).isInstanceOf(UserError.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("volume\n(2 rows; the result has more)\n");
        out.reset();
        assertThatThrownBy(() -> run(spark, ResultFormat.JSON, THREE_ROWS, TWO)).isInstanceOf(UserError.class);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void a_result_exactly_at_the_cap_is_whole(SparkSession spark) {
        assertThat(run(spark, ResultFormat.CSV, THREE_ROWS, new SqlRunner.RowCap(3, "")))
                .isEqualTo("kpi\nnps\nvolume\nvolume\n");
    }
}
