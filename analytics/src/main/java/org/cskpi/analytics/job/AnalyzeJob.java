package org.cskpi.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.cskpi.ingest.warehouse.WarehouseTables.BUSIEST_HOURS;
import static org.cskpi.ingest.warehouse.WarehouseTables.KPI_WEEKLY;
import static org.cskpi.ingest.warehouse.WarehouseTables.TOP_COMPLAINTS;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
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
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.FaultInjection;
import org.cskpi.store.RunLog;
import org.cskpi.store.RunVersions;
import org.cskpi.store.Store;

/**
 * The analyze run: read the warehouse's current tickets and the store's survey tables, compute
 * every KPI, write kpi_weekly / busiest_hours / top_complaints as new warehouse versions, then
 * publish them, record those versions and mark the run succeeded in one store transaction (the
 * run's one commit point). Progress goes to {@code progress} (stderr from the command).
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
        return new RunLog(store.dsl(), clock).track("analyze", runId -> {
            Result result = analyze(range, runId);
            FaultInjection.haltAt("analyze.committed");
            return result;
        });
    }

    private Result analyze(WeekRange range, long runId) {
        Instant started = clock.instant();
        // Every time-zone step (weeks, hours) reads instants as UTC wall-clock first.
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        Warehouse warehouse = Warehouse.at(spark, config.warehouse(), new RunVersions(store.dsl()));
        stage("reading tickets from " + config.warehouse());
        Dataset<Row> tickets = new WarehouseTables(spark, warehouse).tickets();
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
            Written written = writeAll(warehouse, computation.tables(range), range);
            stage("publishing to the KPI store in one transaction");
            return commit(runId, range, written, published -> new Result(runId, ticketCount, answers, cutOff.get(),
                    published, Duration.between(started, clock.instant())));
        } finally {
            facts.unpersist();
        }
    }

    /** The new warehouse versions (table -> version) and their rows in the range, to publish. */
    private record Written(KpiTables inRange, Map<String, String> versions) {
    }

    private Written writeAll(Warehouse warehouse, KpiTables tables, WeekRange range) {
        Path kpis = write(warehouse, KPI_WEEKLY, tables.kpiWeekly(), range);
        Path busiest = write(warehouse, BUSIEST_HOURS, tables.busiestHours(), range);
        Path complaints = write(warehouse, TOP_COMPLAINTS, tables.topComplaints(), range);
        KpiTables inRange = new KpiTables(inRange(warehouse.read(kpis), tables.kpiWeekly(), range),
                inRange(warehouse.read(busiest), tables.busiestHours(), range),
                inRange(warehouse.read(complaints), tables.topComplaints(), range), tables.answerTickets());
        return new Written(inRange, Map.of(KPI_WEEKLY, kpis.getName(),
                BUSIEST_HOURS, busiest.getName(), TOP_COMPLAINTS, complaints.getName()));
    }

    /**
     * Writes the table's next warehouse version: the new rows plus, when only a range was
     * recomputed, the current version's rows outside it. No reader sees it before {@link #commit}.
     */
    private Path write(Warehouse warehouse, String table, Dataset<Row> rows, WeekRange range) {
        Dataset<Row> all = rows;
        Optional<Dataset<Row>> previous = warehouse.table(table);
        if (!range.isAll() && previous.isPresent()) {
            all = previous.get().filter(not(range.filter("week"))).unionByName(rows);
        }
        Path version = warehouse.replace(table, all);
        FaultInjection.haltAt("analyze.wrote." + table);
        return version;
    }

    private static Dataset<Row> inRange(Dataset<Row> version, Dataset<Row> rows, WeekRange range) {
        return version.filter(range.filter("week")).select(rows.columns()[0],
                Arrays.copyOfRange(rows.columns(), 1, rows.columns().length));
    }

    /**
     * The run's one commit point: the KPIs, the warehouse versions they were read from and the
     * run's success go to the store in one transaction. Until it commits, the store and every
     * reader of the warehouse stay on the previous run; once it has, both are on this one.
     */
    private Result commit(long runId, WeekRange range, Written written, Function<KpiPublisher.Published, Result> result) {
        return store.dsl().transactionResult(tx -> {
            Result done = result.apply(new KpiPublisher(tx.dsl()).publish(range, new KpiPublisher.Tables(
                    written.inRange().kpiWeekly().toLocalIterator(), written.inRange().busiestHours().toLocalIterator(),
                    written.inRange().topComplaints().toLocalIterator()), runId));
            FaultInjection.haltAt("analyze.publishing");
            new RunLog(tx.dsl(), clock).succeeded(runId, new RunLog.Counts(done.tickets(), done.published().kpiRows(),
                    null), summary(done, range), written.versions());
            new RunLog(tx.dsl(), clock).cutOff(runId, done.cutOff());
            new KpiPublisher(tx.dsl()).publishAnswerTickets(written.inRange().answerTickets().toLocalIterator(), runId);
            return done;
        });
    }

    private void stage(String message) {
        progress.println("analyze: " + message);
        progress.flush();
    }

    public static String summary(Result result, WeekRange range) {
        return String.format("analyzed %d tickets and %d survey answers as of %s (%s): %d KPI rows, "
                        + "%d busiest-hour cells, %d top-complaint rows published in %d s",
                result.tickets(), result.answers(), result.cutOff(), range, result.published().kpiRows(),
                result.published().busiestRows(), result.published().complaintRows(), result.took().toSeconds());
    }
}
