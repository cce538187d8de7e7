package org.cskpi.batch.weekly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.INBOX_FILES;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.cskpi.batch.BatchRun;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class WeeklyJobTest {

    private static final String HEADER = "ticket_id,customer_id,channel,status,created_at,first_response_at,resolved_at,updated_at";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The defaults, with the report mailed to one manager through an outbox folder. */
    private CskpiConfig config() {
        Path file = dir.resolve("cskpi.yaml");
        try {
            Files.writeString(file, "mail:\n  from: kpi@shop.example\n  outbox_dir: " + outbox() + "\n"
                    + "report:\n  recipients: [lead@shop.example]\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CskpiConfig.load(Optional.of(file), dir.resolve("data"));
    }

    private Path outbox() {
        return dir.resolve("outbox");
    }

    private long mailsInOutbox() throws java.io.IOException {
        if (!Files.isDirectory(outbox())) {
            return 0;
        }
        try (var files = Files.list(outbox())) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    private String run(SparkSession spark) {
        out.reset();
        try (BatchRun run = BatchRun.onSession(config(), "run", spark)) {
            new WeeklyJob(run, config(), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_fresh_inbox_is_read_analyzed_and_reported_and_a_rerun_reads_nothing_again(SparkSession spark)
            throws Exception {
        // Two weeks: W10 (2 tickets, one resolved) and W11 (1 ticket), so W10 is complete.
        write("csv/week.csv", HEADER,
                "A,c1,email,solved,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,2026-03-02T12:00:00Z,2026-03-02T12:00:00Z",
                "B,c2,chat,open,2026-03-03T09:00:00Z,,,2026-03-03T09:00:00Z",
                "C,c3,email,open,2026-03-10T09:00:00Z,,,2026-03-10T09:00:00Z");
        // The same export again under another name: read once.
        Files.copy(inbox().resolve("csv/week.csv"), inbox().resolve("csv/week-copy.csv"));
        write("responses/nps.csv", "customer_id,score,answered_at", "c1,9,2026-03-03T10:00:00Z");

        String first = run(spark);

        assertThat(first).contains("[1/6] ingest new exports").contains("csv: 1 file(s), rows read 3 = accepted 3")
                .contains("[2/6] import new NPS answers").contains("imported 1")
                .contains("[3/6] compute the KPIs")
                .contains("[4/6] render the weekly report").contains("wrote the 2026-W10 report")
                .contains("[5/6] send new survey invitations").contains("not sent: survey.send is off")
                .contains("[6/6] e-mail the report").contains("e-mailed the 2026-W10 report to 1 recipient(s) as " + outbox());
        assertThat(mailsInOutbox()).isEqualTo(1);
        assertThat(dir.resolve("data/reports/2026-W10.html")).content().contains("2026-W10");
        try (BatchRun run = BatchRun.onSession(config(), "check", spark)) {
            var dsl = run.store().dsl();
            assertThat(dsl.fetchCount(INBOX_FILES)).isEqualTo(2);
            assertThat(dsl.fetchCount(SURVEY_RESPONSES)).isEqualTo(1);
            assertThat(dsl.select(KPI_WEEKLY.VALUE).from(KPI_WEEKLY)
                    .where(KPI_WEEKLY.WEEK.eq("2026-W10"), KPI_WEEKLY.KPI.eq(Kpi.VOLUME.storedName()),
                            KPI_WEEKLY.BREAKDOWN.eq(Breakdown.ALL.storedName()))
                    .fetchOne(KPI_WEEKLY.VALUE)).isEqualTo(2.0);
        }

        int ingestRuns = ingestRuns(spark);
        String again = run(spark);

        assertThat(again).contains("no new export files").contains("no new answers files")
                .contains("the 2026-W10 report was e-mailed before");
        assertThat(mailsInOutbox()).isEqualTo(1);
        assertThat(ingestRuns(spark)).isEqualTo(ingestRuns);
        try (BatchRun run = BatchRun.onSession(config(), "check", spark)) {
            assertThat(run.store().dsl().fetchCount(SURVEY_RESPONSES)).isEqualTo(1);
        }
    }

    @Test
    void a_failing_step_stops_the_run_keeps_the_published_kpis_and_leaves_its_file_unread(SparkSession spark)
            throws Exception {
        write("csv/week.csv", HEADER,
                "A,c1,email,solved,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,2026-03-02T12:00:00Z,2026-03-02T12:00:00Z",
                "C,c3,email,open,2026-03-10T09:00:00Z,,,2026-03-10T09:00:00Z");
        run(spark);
        List<String> published = published(spark);

        write("csv/next.csv", HEADER, "D,c4,email,open,2026-03-11T09:00:00Z,,,2026-03-11T09:00:00Z");
        write("responses/broken.csv", "who,what", "c1,9");

        assertThatThrownBy(() -> run(spark)).hasMessageContaining("broken.csv");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[2/6] import new NPS answers").contains("FAILED after")
                .doesNotContain("[3/6]");
        assertThat(published(spark)).isEqualTo(published);
        try (BatchRun run = BatchRun.onSession(config(), "check", spark)) {
            assertThat(run.store().dsl().select(INBOX_FILES.NAME).from(INBOX_FILES).fetch(INBOX_FILES.NAME))
                    .containsExactlyInAnyOrder("csv/week.csv", "csv/next.csv");
        }
    }

    @Test
    void a_file_outside_the_format_folders_is_named_and_left_alone(SparkSession spark) throws Exception {
        write("tickets.csv", HEADER, "A,c1,email,open,2026-03-02T09:00:00Z,,,2026-03-02T09:00:00Z");

        // With nothing read, there is nothing to analyze: the run stops there, saying so.
        assertThatThrownBy(() -> run(spark)).hasMessageContaining("nothing to analyse");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tickets.csv: not in a format folder")
                .contains("no new export files").contains("[3/6] compute the KPIs").contains("FAILED");
        assertThat(inbox().resolve("tickets.csv")).exists();
    }

    private List<String> published(SparkSession spark) {
        try (BatchRun run = BatchRun.onSession(config(), "check", spark)) {
            return run.store().dsl().select(KPI_WEEKLY.WEEK, KPI_WEEKLY.KPI, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.VALUE)
                    .from(KPI_WEEKLY).orderBy(KPI_WEEKLY.WEEK, KPI_WEEKLY.KPI, KPI_WEEKLY.BREAKDOWN,
                            KPI_WEEKLY.BREAKDOWN_VALUE)
                    .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " " + r.value4());
        }
    }

    private int ingestRuns(SparkSession spark) {
        try (BatchRun run = BatchRun.onSession(config(), "check", spark)) {
            return run.store().dsl().fetchCount(RUNS, RUNS.KIND.eq("ingest"));
        }
    }

    private Path inbox() {
        return config().weekly().inbox();
    }

    private void write(String name, String... lines) throws Exception {
        Path file = inbox().resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
