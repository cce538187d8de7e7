package org.cskpi.ingest.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.AnalyzeRuns;
import org.cskpi.store.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ingest logs the tickets each run made new or updated, with the versions they replaced. */
class TicketChangesTest {

    private static final String HEADER = "ticket_id,channel,status,created_at,resolved_at,updated_at";

    @TempDir
    Path dir;

    /** "large": the small-input limit set to 0, so the runs go with Spark's settings for large inputs. */
    @ParameterizedTest(name = "{0} input")
    @ValueSource(strings = {"small", "large"})
    void each_run_logs_its_new_and_updated_tickets_and_keeps_what_the_next_analyze_needs(String size) throws Exception {
        if (size.equals("large")) {
            SharedSpark.session().conf().set("spark.cskpi.smallInputBytes", "0");
        }
        try {
            logsEachRun();
        } finally {
            SharedSpark.session().conf().unset("spark.cskpi.smallInputBytes");
        }
    }

    private void logsEachRun() throws Exception {
        Path monday = write("monday.csv",
                "A,email,open,2026-03-02T09:00:00Z,,2026-03-02T09:00:00Z",
                "B,chat,open,2026-03-02T11:00:00Z,,2026-03-02T11:00:00Z");
        // B solved, A unchanged (identical), C new.
        Path tuesday = write("tuesday.csv",
                "A,email,open,2026-03-02T09:00:00Z,,2026-03-02T09:00:00Z",
                "B,chat,solved,2026-03-02T11:00:00Z,2026-03-03T08:00:00Z,2026-03-03T08:00:00Z",
                "C,phone,open,2026-03-03T09:00:00Z,,2026-03-03T09:00:00Z");
        // B moved to email.
        Path wednesday = write("wednesday.csv",
                "B,email,solved,2026-03-02T11:00:00Z,2026-03-03T08:00:00Z,2026-03-04T08:00:00Z");

        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            long first = run.ingest(CsvReaders.canonical(), monday).runId();
            assertThat(log(run)).containsExactly("A new @" + first + " before null", "B new @" + first + " before null");

            // An analyze that read monday's tickets: the rows of runs up to `first` are no longer needed.
            analysed(run, first);
            long second = run.ingest(CsvReaders.canonical(), tuesday).runId();
            assertThat(log(run)).containsExactly(
                    "B updated @" + second + " before chat 2026-03-02T11:00:00Z resolved null",
                    "C new @" + second + " before null");

            long third = run.ingest(CsvReaders.canonical(), wednesday).runId();
            assertThat(log(run)).containsExactly(
                    "B updated @" + second + " before chat 2026-03-02T11:00:00Z resolved null",
                    "B updated @" + third + " before chat 2026-03-02T11:00:00Z resolved 2026-03-03T08:00:00Z",
                    "C new @" + second + " before null");
            assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id") + " " + r.getAs("channel") + " " + r.getAs("status"))
                    .containsExactly("A email open", "B email solved", "C phone open");
        }
    }

    @Test
    void without_an_analyze_to_build_on_only_the_last_run_is_kept() throws Exception {
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            run.ingest(CsvReaders.canonical(), write("one.csv", "A,email,open,2026-03-02T09:00:00Z,,2026-03-02T09:00:00Z"));
            long second = run.ingest(CsvReaders.canonical(),
                    write("two.csv", "B,email,open,2026-03-02T10:00:00Z,,2026-03-02T10:00:00Z")).runId();

            assertThat(log(run)).containsExactly("B new @" + second + " before null");
        }
    }

    private static void analysed(IngestRun run, long ticketsRunId) {
        RunLog runs = new RunLog(run.store.dsl(), Clock.systemUTC());
        long analyze = runs.start("analyze");
        runs.succeeded(analyze, RunLog.Counts.NONE, "test");
        new AnalyzeRuns(run.store.dsl()).record(new AnalyzeRuns.Inputs(analyze, AnalyzeRuns.FULL, "hash",
                Instant.parse("2026-03-02T11:00:00Z"), "v-000001", ticketsRunId,
                new AnalyzeRuns.Survey(null, 0, null, 0), null, null));
    }

    private static List<String> log(IngestRun run) {
        return run.warehouse().table(WarehouseTables.TICKET_CHANGES).orElseThrow()
                .orderBy("ticket_id", TicketChanges.INGEST_RUN_ID).collectAsList().stream()
                .map(TicketChangesTest::describe).toList();
    }

    private static String describe(Row r) {
        String id = r.getAs("ticket_id") + " " + r.getAs(TicketChanges.CHANGE) + " @" + r.getAs(TicketChanges.INGEST_RUN_ID);
        if (r.getAs("before_created_at") == null) {
            return id + " before null";
        }
        return id + " before " + r.getAs("before_channel") + " " + instant(r.getAs("before_created_at"))
                + " resolved " + instant(r.getAs("before_resolved_at"));
    }

    private static Object instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private Path write(String name, String... rows) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
        return file;
    }
}
