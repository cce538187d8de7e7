package org.cskpi.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.SoftAssertions;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.analytics.sql.SqlViews;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.CskpiConfig;
import org.cskpi.generate.DemoExportGenerator;
import org.cskpi.generate.GeneratorSettings;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.job.IngestJob;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.sqlshell.ResultFormat;
import org.cskpi.sqlshell.SqlRunner;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code cskpi analyze} at each stage boundary, in a JVM of its own halted by the
 * {@code cskpi.fault.halt_at} hook over a file store and warehouse that a first ingest and
 * analyze filled and a second ingest changed. After each kill, the next command that opens
 * the store sees the same KPI tables through {@code cskpi sql} (the warehouse) as the store
 * holds (what /api/kpis and the report pages read), and no run left {@code running}.
 *
 * <p>The store side is read with jOOQ here, not through the web module's KpiQueries: batch
 * does not depend on web (the web half must not carry Spark, nor the batch half
 * Javalin), and KpiQueries is a plain select on kpi_weekly; comparing every row of all three
 * tables covers what it returns.
 */
@ExtendWith(SharedSpark.class)
class KilledAnalyzeTest {

    /** In run order: the first three leave the store as it was, the last one commits. */
    static final List<String> STAGES = List.of("analyze.wrote.kpi_weekly", "analyze.wrote.top_complaints",
            "analyze.publishing", "analyze.committed");
    static final List<Table<?>> KPI_TABLES = List.of(KPI_WEEKLY, BUSIEST_HOURS, TOP_COMPLAINTS);
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final int SHOWN = 3;

    @TempDir
    Path dir;

    @Test
    void a_run_killed_at_any_stage_leaves_sql_and_the_store_agreeing_and_no_run_running(SparkSession spark)
            throws Exception {
        Path configFile = Files.writeString(dir.resolve("cskpi.yaml"), """
                business:
                  timezone: Europe/Oslo
                spark:
                  master: local[2]
                  shuffle_partitions: 2
                """);
        CskpiConfig config = CskpiConfig.load(Optional.of(configFile), dir.resolve("data"));
        try (Store store = Store.openMigrated(config.storeUrl())) {
            ingest(spark, config, store, generate(1, LocalDate.of(2026, 11, 15)));
            new AnalyzeJob(spark, config, store, quiet(), Clock.systemUTC()).run(WeekRange.ALL);
            // New tickets and a new week: the next analyze would change every KPI table.
            ingest(spark, config, store, generate(2, LocalDate.of(2026, 11, 22)));
        }
        SoftAssertions softly = new SoftAssertions();
        assertOneTruth(softly, spark, config, "before any kill");

        for (String stage : STAGES) {
            Path log = dir.resolve(stage + ".log");
            Process analyze = analyzeHaltingAt(stage, configFile, config.dataDir(), log);
            assertThat(analyze.waitFor(300, TimeUnit.SECONDS)).as("analyze halting at %s finished", stage).isTrue();
            assertThat(analyze.exitValue()).as("%s: exit status; log:%n%s", stage, Files.readString(log)).isEqualTo(137);
            assertThat(Files.readString(log)).contains("halting at " + stage);
            assertOneTruth(softly, spark, config, "killed at " + stage);
        }
        softly.assertAll();
        try (Store store = Store.openMigrated(config.storeUrl())) {
            assertThat(store.dsl().select(RUNS.KIND, RUNS.STATUS).from(RUNS).orderBy(RUNS.ID)
                    .fetch(run -> run.value1() + " " + run.value2())).containsExactly("ingest succeeded",
                    "analyze succeeded", "ingest succeeded", "analyze abandoned", "analyze abandoned", "analyze abandoned",
                    "analyze succeeded");
            assertThat(store.dsl().fetchCount(RUNS, RUNS.FINISHED_AT.isNull())).isZero();
        }
    }

    /** Opens the store as the next command would, then compares {@code cskpi sql} with the store. */
    private static void assertOneTruth(SoftAssertions softly, SparkSession spark, CskpiConfig config, String when)
            throws IOException {
        try (Store store = Store.openMigrated(config.storeUrl())) {
            SqlViews.register(spark, config.warehouse(), store.dsl());
            for (Table<?> table : KPI_TABLES) {
                List<String> viaSql = viaSql(spark, table);
                List<String> inStore = inStore(store, table);
                System.out.printf("killed analyze: %s: %s has %d rows via cskpi sql, %d in the store%n", when,
                        table.getName(), viaSql.size(), inStore.size());
                softly.assertThat(viaSql.size()).as("%s: %s rows via cskpi sql vs the store", when, table.getName())
                        .isEqualTo(inStore.size());
                softly.assertThat(missingFrom(inStore, viaSql)).as("%s: %s rows via cskpi sql, not in the store (first %d)",
                        when, table.getName(), SHOWN).isEmpty();
                softly.assertThat(missingFrom(viaSql, inStore)).as("%s: %s rows in the store, not via cskpi sql (first %d)",
                        when, table.getName(), SHOWN).isEmpty();
            }
            softly.assertThat(store.dsl().select(RUNS.ID, RUNS.KIND, RUNS.STARTED_AT).from(RUNS)
                    .where(RUNS.STATUS.eq("running")).fetch().intoMaps())
                    .as("%s: runs left running after the next command opened the store", when).isEmpty();
        }
    }

    /** The table's rows as {@code cskpi sql --format json} prints them, one normalised string per row. */
    private static List<String> viaSql(SparkSession spark, Table<?> table) throws IOException {
        List<String> columns = columns(table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SqlRunner(spark, ResultFormat.JSON, new PrintStream(out, true, StandardCharsets.UTF_8), SqlRunner.RowCap.NONE)
                .run("select " + String.join(", ", columns) + " from " + table.getName().toLowerCase(Locale.ROOT));
        ObjectMapper json = new ObjectMapper();
        List<String> rows = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            Map<?, ?> row = json.readValue(line, Map.class);
            rows.add(normalised(columns.stream().<Object>map(row::get).toList()));
        }
        return rows;
    }

    private static List<String> missingFrom(List<String> rows, List<String> others) {
        Set<String> present = new HashSet<>(rows);
        return others.stream().filter(row -> !present.contains(row)).limit(SHOWN).toList();
    }

    private static List<String> inStore(Store store, Table<?> table) {
        List<Field<?>> fields = fields(table);
        return store.dsl().select(fields).from(table).fetch().map(r -> normalised(values(r, fields)));
    }

    private static List<Field<?>> fields(Table<?> table) {
        return List.of(table.fields()).stream().filter(f -> !f.getName().equalsIgnoreCase("run_id")).toList();
    }

    private static List<String> columns(Table<?> table) {
        return fields(table).stream().map(f -> f.getName().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<Object> values(Record record, List<Field<?>> fields) {
        return fields.stream().map(f -> (Object) record.get(f)).toList();
    }

    /** Numbers compare as doubles (exact for counts), so JSON's 12 and the store's 12L agree. */
    private static String normalised(List<?> values) {
        return values.stream().map(v -> v instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(v))
                .toList().toString();
    }

    private Path generate(long seed, LocalDate lastDay) throws IOException {
        Path out = dir.resolve("exports-" + seed);
        new DemoExportGenerator(new GeneratorSettings(300, 3, seed, out, EnumSet.of(GeneratorSettings.Format.CSV),
                OSLO, lastDay, 0.25, BusinessHours.standard(OSLO)), quiet()).run();
        return out.resolve("csv/tickets.csv");
    }

    private static void ingest(SparkSession spark, CskpiConfig config, Store store, Path tickets) {
        IngestJob.Target target = new IngestJob.Target(config.warehouse(),
                config.dataDir().resolve("quarantine").toString(), Optional.empty());
        new IngestJob(spark, target, new RunLog(store.dsl(), Clock.systemUTC()), quiet(), Clock.systemUTC())
                .run(CsvReaders.canonical(), List.of(tickets.toString()), new ReadOptions(OSLO, List.of()));
    }

    /** {@code cskpi analyze} in its own JVM, with this test JVM's classpath and Spark flags. */
    private static Process analyzeHaltingAt(String stage, Path config, Path dataDir, Path log) throws IOException {
        // C1 only: a short Spark run on a few hundred tickets starts faster than it would gain from C2.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-XX:") || arg.startsWith("-D"))
                .forEach(command::add);
        command.addAll(List.of("-Dcskpi.fault.halt_at=" + stage, "-cp", System.getProperty("java.class.path"),
                "org.cskpi.batch.BatchCli", "analyze", "--config", config.toString(), "--data-dir", dataDir.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }
}
