package org.cskpi.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.nps.SurveyData;
import org.cskpi.analytics.period.CutOff;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.analytics.publish.KpiPublisher;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;

/**
 * The analyze run: read the warehouse's tickets and the store's survey tables, compute every
 * KPI, write kpi_weekly / busiest_hours / top_complaints as new warehouse versions, publish
 * them to the store in one transaction and record the run in {@code runs}. Progress goes to
 * {@code progress} (stderr from the command).
 */
public final class AnalyzeJob {

    private final SparkSession spark;
    private final CskpiConfig config;
    private final Store store;
    private final PrintStream progress;
    private final Clock clock;

    public AnalyzeJob(SparkSession spark, CskpiConfig config, Store store, PrintStream progress, Clock clock) {
        this.spark = spark;
        this.config = config;
        this.store = store;
        this.progress = progress;
        this.clock = clock;
    }

    public record Result(long runId, long tickets, long answers, Instant cutOff, KpiPublisher.Published published,
                         Duration took) {
    }

    public Result run(WeekRange range) {
        RunLog runs = new RunLog(store.dsl(), clock);
        long runId = runs.start("analyze");
        try {
            Result result = analyze(range, runId);
            runs.succeeded(runId, new RunLog.Counts(result.tickets(), result.published().kpiRows(), null),
                    summary(result, range));
            return result;
        } catch (RuntimeException e) {
            runs.failed(runId, RunLog.Counts.NONE, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private Result analyze(WeekRange range, long runId) {
        Instant started = clock.instant();
        // Every time-zone step (weeks, hours) reads instants as UTC wall-clock first.
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        Warehouse warehouse = Warehouse.at(spark, config.warehouse());
        stage("reading tickets from " + config.warehouse());
        Dataset<Row> tickets = warehouse.table("tickets")
                .orElseGet(() -> spark.createDataFrame(List.of(), Tickets.SCHEMA));
        Dataset<Row> responses = SurveyData.responses(spark, store.dsl());
        Dataset<Row> invitations = SurveyData.invitations(spark, store.dsl());
        long answers = responses.count();
        Optional<Instant> cutOff = CutOff.ofTickets(tickets).or(() -> CutOff.ofAnswers(responses));
        if (cutOff.isEmpty()) {
            throw new UserError("nothing to analyse: no tickets in " + config.warehouse()
                    + " and no survey answers in the store (run ./cskpi ingest first)");
        }
        stage("cut-off " + cutOff.get() + "; " + answers + " survey answers; weeks: " + range);
        KpiComputation computation = new KpiComputation(tickets, responses, invitations,
                FactSettings.of(config, cutOff.get()));
        Dataset<Row> facts = computation.facts().persist();
        try {
            long ticketCount = facts.count();
            stage("computing KPIs over " + ticketCount + " tickets and writing them to the warehouse");
            KpiTables tables = computation.tables(range);
            KpiTables written = new KpiTables(
                    write(warehouse, KpiTables.KPI_WEEKLY, tables.kpiWeekly(), range),
                    write(warehouse, KpiTables.BUSIEST_HOURS, tables.busiestHours(), range),
                    write(warehouse, KpiTables.TOP_COMPLAINTS, tables.topComplaints(), range));
            stage("publishing to the KPI store in one transaction");
            KpiPublisher.Published published = new KpiPublisher(store.dsl()).publish(range, new KpiPublisher.Tables(
                    written.kpiWeekly().toLocalIterator(), written.busiestHours().toLocalIterator(),
                    written.topComplaints().toLocalIterator()), runId);
            return new Result(runId, ticketCount, answers, cutOff.get(), published,
                    Duration.between(started, clock.instant()));
        } finally {
            facts.unpersist();
        }
    }

    /**
     * Writes the table's next warehouse version: the new rows plus, when only a range was
     * recomputed, the previous version's rows outside it. Returns the new version's rows in the range.
     */
    private Dataset<Row> write(Warehouse warehouse, String table, Dataset<Row> rows, WeekRange range) {
        Dataset<Row> all = rows;
        Optional<Dataset<Row>> previous = warehouse.table(table);
        if (!range.isAll() && previous.isPresent()) {
            all = previous.get().filter(not(range.filter("week"))).unionByName(rows);
        }
        warehouse.replace(table, all);
        Dataset<Row> current = warehouse.table(table).orElseThrow();
        return current.filter(range.filter("week")).select(rows.columns()[0],
                Arrays.copyOfRange(rows.columns(), 1, rows.columns().length));
    }

    private void stage(String message) {
        progress.println("analyze: " + message);
        progress.flush();
    }

    static String summary(Result result, WeekRange range) {
        return String.format("analyzed %d tickets and %d survey answers as of %s (%s): %d KPI rows, "
                        + "%d busiest-hour cells, %d top-complaint rows published in %d s",
                result.tickets(), result.answers(), result.cutOff(), range, result.published().kpiRows(),
                result.published().busiestRows(), result.published().complaintRows(), result.took().toSeconds());
    }
}
