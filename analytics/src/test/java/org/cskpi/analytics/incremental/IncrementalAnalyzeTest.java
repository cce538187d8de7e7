package org.cskpi.analytics.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.job.AnalyzeJob;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.job.IngestJob;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.store.AnalyzeRuns;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incremental analyze publishes exactly what a full recompute would (docs/kpis.md#incremental-runs):
 * after each random batch of changes, ingested and analysed incrementally, every published table
 * of the store and of the warehouse equals a full computation over the same inputs, row for row
 * ({@code EXCEPT ALL} both ways).
 */
@ExtendWith(SharedSpark.class)
class IncrementalAnalyzeTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @TempDir
    Path dir;
    Store store;
    CskpiConfig config;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int exports;

    /**
     * The plans are large and the inputs tiny: compiling generated code would take longer than
     * running them interpreted. Results do not depend on it; the session is the shared one.
     */
    @BeforeAll
    static void interpreted() {
        SharedSpark.session().conf().set("spark.sql.codegen.wholeStage", "false");
        SharedSpark.session().conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    }

    @AfterAll
    static void compiled() {
        SharedSpark.session().conf().unset("spark.sql.codegen.wholeStage");
        SharedSpark.session().conf().unset("spark.sql.codegen.factoryMode");
    }

    @BeforeEach
    void setUp() throws IOException {
        config = config("""
                business:
                  timezone: Europe/Oslo
                  holidays: [2026-10-27]
                repeat_contact:
                  window_days: 10
                """);
        store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private CskpiConfig config(String yaml) throws IOException {
        Path file = dir.resolve("cskpi.yaml");
        Files.writeString(file, yaml);
        return CskpiConfig.load(Optional.of(file), dir);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 29})
    void every_incremental_run_publishes_what_a_full_run_would(long seed, SparkSession spark) throws IOException {
        HelpDesk desk = new HelpDesk(seed, store);
        for (int batch = 0; batch < 4; batch++) {
            ingest(spark, desk.nextWeek(false));
            desk.surveyActivity();
            AnalyzeJob.Result result = analyze(spark, AnalyzePlan.Request.incremental());

            assertThat(result.plan().mode()).as("batch %d: %s", batch, result.plan().why())
                    .isEqualTo(batch == 0 ? AnalyzeRuns.FULL : AnalyzeRuns.INCREMENTAL);
            assertPublishedEqualsFull(spark, "seed " + seed + " batch " + batch + " (" + result.plan().why() + ")");
        }
        // A quiet week (new tickets of the week only) leaves the old weeks alone, and still equals a full run.
        ingest(spark, desk.nextWeek(true));
        AnalyzeJob.Result quiet = analyze(spark, AnalyzePlan.Request.incremental());

        assertThat(quiet.plan().mode()).isEqualTo(AnalyzeRuns.INCREMENTAL);
        TouchedWeeks touched = (TouchedWeeks) quiet.plan().weeks();
        assertThat(store.dsl().selectDistinct(KPI_WEEKLY.WEEK).from(KPI_WEEKLY).where(KPI_WEEKLY.RUN_ID.ne(quiet.runId()))
                .fetchSet(KPI_WEEKLY.WEEK)).as("weeks left alone by: " + quiet.plan().why()).isNotEmpty()
                .noneMatch(touched::contains);
        assertPublishedEqualsFull(spark, "seed " + seed + " quiet week (" + quiet.plan().why() + ")");
        assertThat(progress.toString(StandardCharsets.UTF_8)).containsPattern(
                "analyze: recomputing \\d+ weeks? \\(2026-W\\d\\d[^)]*\\): \\d+ tickets? changed since run \\d+");
    }

    @Test
    void a_run_with_nothing_new_recomputes_no_week(SparkSession spark) throws IOException {
        HelpDesk desk = new HelpDesk(3, store);
        ingest(spark, desk.nextWeek(false));
        analyze(spark, AnalyzePlan.Request.incremental());

        AnalyzeJob.Result again = analyze(spark, AnalyzePlan.Request.incremental());

        assertThat(again.plan().mode()).isEqualTo(AnalyzeRuns.INCREMENTAL);
        assertThat(again.plan().isNothing()).isTrue();
        assertThat(again.plan().why()).startsWith("nothing to recompute: nothing changed since run ");
        assertThat(again.published().kpiRows()).isZero();
        assertPublishedEqualsFull(spark, "unchanged");
    }

    @Test
    void changed_business_hours_make_the_run_full(SparkSession spark) throws IOException {
        HelpDesk desk = new HelpDesk(5, store);
        ingest(spark, desk.nextWeek(false));
        analyze(spark, AnalyzePlan.Request.incremental());
        ingest(spark, desk.nextWeek(false));
        assertThat(analyze(spark, AnalyzePlan.Request.incremental()).plan().mode()).isEqualTo(AnalyzeRuns.INCREMENTAL);

        config = config("""
                business:
                  timezone: Europe/Oslo
                  holidays: [2026-10-27]
                  hours:
                    mon: "08:00-16:00"
                repeat_contact:
                  window_days: 10
                """);
        AnalyzeJob.Result changed = analyze(spark, AnalyzePlan.Request.incremental());

        assertThat(changed.plan().mode()).isEqualTo(AnalyzeRuns.FULL);
        assertThat(changed.plan().why()).contains("KPI configuration").contains("changed since run");
        // Every week was republished under the new hours, so the store equals a full run with them.
        assertPublishedEqualsFull(spark, "after the config change");
        assertThat(store.dsl().selectDistinct(KPI_WEEKLY.RUN_ID).from(KPI_WEEKLY).fetchSet(KPI_WEEKLY.RUN_ID))
                .containsExactly(changed.runId());
    }

    @Test
    void full_and_range_runs_are_recorded_and_a_range_is_republished_by_the_next_incremental_run(SparkSession spark)
            throws IOException {
        HelpDesk desk = new HelpDesk(7, store);
        ingest(spark, desk.nextWeek(false));
        analyze(spark, AnalyzePlan.Request.full());
        ingest(spark, desk.nextWeek(false));
        String week = desk.firstWeek();
        AnalyzeJob.Result range = analyze(spark, AnalyzePlan.Request.of(new WeekRange(Optional.of(week),
                Optional.of(week))));
        assertThat(range.plan().mode()).isEqualTo(AnalyzeRuns.RANGE);

        AnalyzeJob.Result next = analyze(spark, AnalyzePlan.Request.incremental());

        assertThat(((TouchedWeeks) next.plan().weeks()).contains(week)).isTrue();
        assertThat(next.plan().why()).contains("--from/--to runs since then replaced");
        assertPublishedEqualsFull(spark, "after a range run");
    }

    private void ingest(SparkSession spark, List<String> csvLines) throws IOException {
        Path file = dir.resolve("export-" + (++exports) + ".csv");
        Files.write(file, csvLines);
        IngestJob.Target target = new IngestJob.Target(config.warehouse(), dir.resolve("quarantine").toString(),
                Optional.empty());
        new IngestJob(spark, target, new RunLog(store.dsl(), Clock.systemUTC()), quiet(), Clock.systemUTC())
                .run(CsvReaders.canonical(), List.of(file.toString()), new ReadOptions(ZoneId.of("UTC"), List.of()));
    }

    private AnalyzeJob.Result analyze(SparkSession spark, AnalyzePlan.Request request) {
        return new AnalyzeJob(spark, config, store, new PrintStream(progress, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(request);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private void assertPublishedEqualsFull(SparkSession spark, String when) {
        PublishedVsFull.assertPublishedEqualsFull(spark, config, store, when);
    }
}
