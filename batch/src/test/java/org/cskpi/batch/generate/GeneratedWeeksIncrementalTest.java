package org.cskpi.batch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.incremental.AnalyzePlan;
import org.cskpi.analytics.incremental.PublishedVsFull;
import org.cskpi.analytics.job.AnalyzeJob;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.CskpiConfig;
import org.cskpi.generate.DemoExportGenerator;
import org.cskpi.generate.GeneratorSettings;
import org.cskpi.generate.NextWeekExport;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.csv.HeaderPolicy;
import org.cskpi.ingest.job.IngestJob;
import org.cskpi.ingest.job.IngestSummary;
import org.cskpi.ingest.responses.ResponseRules;
import org.cskpi.ingest.responses.ResponsesImport;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.store.AnalyzeRuns;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental analyze on the demo data across two generated weeks (issue 16): a generated
 * history is ingested and analysed, then each following week's export (new tickets, updates of
 * older tickets, NPS answers) is ingested and analysed incrementally, and what that publishes
 * must equal a full computation, row for row, in every published table.
 */
@ExtendWith(SharedSpark.class)
class GeneratedWeeksIncrementalTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final int TICKETS = 400;
    static final int NEW_PER_WEEK = 60;

    @TempDir
    Path dir;

    @Test
    void each_following_week_analysed_incrementally_publishes_what_a_full_run_would(SparkSession spark)
            throws IOException {
        CskpiConfig config = CskpiConfig.load(Optional.of(Files.writeString(dir.resolve("cskpi.yaml"), """
                business:
                  timezone: Europe/Oslo
                """)), dir.resolve("data"));
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            GeneratorSettings history = settings(dir.resolve("history"), null);
            new DemoExportGenerator(history, quiet()).run();
            ingest(spark, config, store, history.out());
            assertThat(analyze(spark, config, store).plan().mode()).isEqualTo(AnalyzeRuns.FULL);

            long tickets = TICKETS;
            for (int week = 1; week <= 2; week++) {
                GeneratorSettings next = settings(dir.resolve("week" + week),
                        new GeneratorSettings.NextWeek(week, NEW_PER_WEEK, 0.5));
                NextWeekExport.Summary export = new NextWeekExport(next, quiet()).run();
                IngestSummary ingested = ingest(spark, config, store, next.out());
                tickets += NEW_PER_WEEK;
                AnalyzeJob.Result result = analyze(spark, config, store);

                assertThat(export.updates()).as("week %d updates", week).isBetween(20L, 40L);
                assertThat(ingested.rowsQuarantined()).as("week %d: %s", week, ingested.lines()).isZero();
                assertThat(ingested.tickets().created()).isEqualTo(NEW_PER_WEEK);
                assertThat(ingested.tickets().updated()).as("every update is newer than the stored row")
                        .isEqualTo(export.updates());
                assertThat(result.tickets()).as("week %d: tickets analysed", week).isEqualTo(tickets);
                assertThat(result.plan().mode()).as("week %d: %s", week, result.plan().why())
                        .isEqualTo(AnalyzeRuns.INCREMENTAL);
                PublishedVsFull.assertPublishedEqualsFull(spark, config, store,
                        "week " + week + " (" + result.plan().why() + ")");
            }
        }
    }

    private static GeneratorSettings settings(Path out, GeneratorSettings.NextWeek nextWeek) {
        return new GeneratorSettings(TICKETS, 6, 3, out, EnumSet.of(GeneratorSettings.Format.CSV), OSLO,
                LocalDate.of(2026, 11, 22), 0.25, BusinessHours.standard(OSLO), nextWeek);
    }

    private IngestSummary ingest(SparkSession spark, CskpiConfig config, Store store, Path export) {
        RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
        IngestJob.Target target = new IngestJob.Target(config.warehouse(), dir.resolve("quarantine").toString(),
                Optional.empty());
        IngestSummary summary = new IngestJob(spark, target, runs, quiet(), Clock.systemUTC()).run(CsvReaders.canonical(),
                List.of(export.resolve("csv/tickets.csv").toString()), new ReadOptions(OSLO, List.of()));
        ResponsesImport.Summary answers = new ResponsesImport(store.dsl(), runs, dir.resolve("quarantine"))
                .run(export.resolve("csv/survey_responses.csv").toString(), ResponsesImport.canonicalMapping(),
                        HeaderPolicy.CANONICAL, new ResponseRules(config.ingest().sourceTimezone(),
                                config.ingest().customerKey()));
        assertThat(answers.quarantinedRows()).as(answers.line()).isZero();
        assertThat(answers.imported()).as(answers.line()).isPositive();
        return summary;
    }

    private static AnalyzeJob.Result analyze(SparkSession spark, CskpiConfig config, Store store) {
        return new AnalyzeJob(spark, config, store, quiet(), Clock.systemUTC()).run(AnalyzePlan.Request.incremental());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
