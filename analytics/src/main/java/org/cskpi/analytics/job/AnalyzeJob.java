package org.cskpi.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.cskpi.ingest.warehouse.WarehouseTables.BUSIEST_HOURS;
import static org.cskpi.ingest.warehouse.WarehouseTables.KPI_WEEKLY;
import static org.cskpi.ingest.warehouse.WarehouseTables.MESSAGES;
import static org.cskpi.ingest.warehouse.WarehouseTables.TICKETS;
import static org.cskpi.ingest.warehouse.WarehouseTables.TICKET_CHANGES;
import static org.cskpi.ingest.warehouse.WarehouseTables.TOP_COMPLAINTS;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.incremental.AnalyzePlan;
import org.cskpi.analytics.incremental.ChangedWeeks;
import org.cskpi.analytics.incremental.ConfigHash;
import org.cskpi.analytics.nps.SurveyData;
import org.cskpi.analytics.period.CutOff;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.analytics.period.WeekSelection;
import org.cskpi.analytics.publish.KpiPublisher;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.ingest.spark.SmallInputs;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.AnalyzeRuns;
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
                         Duration took, AnalyzePlan.Plan plan) {
    }

    /** {@code --from/--to}, or every week ({@link WeekRange#ALL}): a full run. */
    public Result run(WeekRange range) {
        return run(AnalyzePlan.Request.of(range));
    }

    public Result run(AnalyzePlan.Request request) {
        return new RunLog(store.dsl(), clock).track("analyze", runId -> {
            Result result = analyze(request, runId);
            FaultInjection.haltAt("analyze.committed");
            return result;
        });
    }

    private Result analyze(AnalyzePlan.Request request, long runId) {
        Instant started = clock.instant();
        // Every time-zone step (weeks, hours) reads instants as UTC wall-clock first.
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        RunVersions versions = new RunVersions(store.dsl());
        Warehouse warehouse = Warehouse.at(spark, config.warehouse(), versions);
        List<Path> read = warehouse.currentVersions(TICKETS, MESSAGES);
        try (SmallInputs small = SmallInputs.forInput(spark, SmallInputs.bytesUnder(spark, read))) {
            if (small.applied()) {
                stage("small input: one shuffle partition, interpreted plans");
            }
            return analyze(request, runId, started, versions, warehouse);
        }
    }

    private Result analyze(AnalyzePlan.Request request, long runId, Instant started, RunVersions versions,
                           Warehouse warehouse) {
        Read in = read(warehouse);
        Optional<String> ticketsVersion = warehouse.currentVersion(TICKETS).map(Path::getName);
        Optional<Long> ticketsRun = ticketsVersion.flatMap(v -> versions.currentRun(TICKETS));
        String configHash = ConfigHash.of(config);
        AnalyzePlan.Plan plan = new AnalyzePlan(new AnalyzeRuns(store.dsl()),
                new ChangedWeeks(config.business().zone(), config.repeatContactWindowDays()))
                .plan(request, new AnalyzePlan.Current(configHash, ticketsVersion, ticketsRun,
                        versions.currentRun(TICKET_CHANGES), warehouse.table(TICKET_CHANGES),
                        new ChangedWeeks.Inputs(in.tickets(), in.responses(), in.invitations()), in.cutOff(),
                        lastWeek(in)));
        stage(plan.why());
        boolean range = plan.mode().equals(AnalyzeRuns.RANGE);
        AnalyzeRuns.Inputs inputs = new AnalyzeRuns.Inputs(runId, plan.mode(), configHash, in.cutOff(),
                ticketsVersion.orElse(null), ticketsRun.orElse(null), in.survey(),
                range ? request.range().from().orElse(null) : null, range ? request.range().to().orElse(null) : null);
        KpiComputation computation = new KpiComputation(in.tickets(), in.responses(), in.invitations(),
                FactSettings.of(config, in.cutOff()), plan.weeks());
        Dataset<Row> facts = computation.facts().persist();
        try {
            long ticketCount = in.ticketCount();
            Written written = Written.NOTHING;
            if (!plan.isNothing()) {
                stage("computing KPIs over " + ticketCount + " tickets and writing them to the warehouse");
                written = writeAll(warehouse, computation.tables(), plan.weeks());
            }
            stage("publishing to the KPI store in one transaction");
            return commit(inputs, plan, written, published -> new Result(runId, ticketCount, in.survey().answersCount(),
                    in.cutOff(), published, Duration.between(started, clock.instant()), plan));
        } finally {
            facts.unpersist(true); // blocking: a removal left running when the session stops logs an error
        }
    }

    /** What a run reads: the current tickets, the survey tables (and their ids) and the cut-off. */
    private record Read(Dataset<Row> tickets, long ticketCount, Dataset<Row> responses, Dataset<Row> invitations,
                        AnalyzeRuns.Survey survey, Instant cutOff) {
    }

    private Read read(Warehouse warehouse) {
        stage("reading tickets from " + config.warehouse());
        Dataset<Row> tickets = new WarehouseTables(spark, warehouse).tickets();
        Dataset<Row> responses = SurveyData.responses(spark, store.dsl());
        Dataset<Row> invitations = SurveyData.invitations(spark, store.dsl());
        AnalyzeRuns.Survey survey = AnalyzePlan.survey(responses, invitations);
        CutOff.Tickets read = CutOff.countAndCutOff(tickets);
        Instant cutOff = read.cutOff().or(() -> CutOff.ofAnswers(responses)).orElseThrow(() ->
                new UserError("nothing to analyse: no tickets in " + config.warehouse()
                        + " and no survey answers in the store (run ./cskpi ingest first)"));
        stage("cut-off " + cutOff + "; " + survey.answersCount() + " survey answers");
        return new Read(tickets, read.count(), responses, invitations, survey, cutOff);
    }

    /**
     * The last week with data, for the run's message: the cut-off's week or a later week with
     * survey answers or invitations.
     */
    private IsoWeek lastWeek(Read in) {
        Instant last = in.cutOff();
        // The survey tables are rows on the driver: collecting a column of them runs no Spark job.
        List<Row> times = new ArrayList<>(in.responses().select(col("answered_at")).collectAsList());
        times.addAll(in.invitations().select(col("sent_at")).collectAsList());
        for (Row row : times) {
            if (!row.isNullAt(0) && Columns.instant(row.get(0)).isAfter(last)) {
                last = Columns.instant(row.get(0));
            }
        }
        return IsoWeek.containing(last, config.business().zone());
    }

    /** The new warehouse versions (table -> version) and their rows in the selection, to publish. */
    private record Written(Optional<Rows> inRange, Map<String, String> versions) {
        static final Written NOTHING = new Written(Optional.empty(), Map.of());
    }

    /** The rows of {@link KpiTables} on the driver, in the column order of the store tables. */
    private record Rows(List<Row> kpiWeekly, List<Row> busiestHours, List<Row> topComplaints, List<Row> answerTickets) {
    }

    private Written writeAll(Warehouse warehouse, KpiTables tables, WeekSelection range) {
        WrittenTable kpis = write(warehouse, KPI_WEEKLY, tables.kpiWeekly(), range);
        WrittenTable busiest = write(warehouse, BUSIEST_HOURS, tables.busiestHours(), range);
        WrittenTable complaints = write(warehouse, TOP_COMPLAINTS, tables.topComplaints(), range);
        Rows inRange = new Rows(kpis.rows(), busiest.rows(), complaints.rows(), tables.answerTickets().collectAsList());
        return new Written(Optional.of(inRange), Map.of(KPI_WEEKLY, kpis.version().getName(),
                BUSIEST_HOURS, busiest.version().getName(), TOP_COMPLAINTS, complaints.version().getName()));
    }

    /** A version {@link #write} wrote, and the rows of the selection it holds (the ones to publish). */
    private record WrittenTable(Path version, List<Row> rows) {
    }

    /**
     * Writes the table's next warehouse version: the new rows plus, when only a range was
     * recomputed, the current version's rows outside it. No reader sees it before {@link #commit}.
     * The new rows are collected first (a few ten thousand at most: weeks x breakdown values),
     * written from the driver and published from the same list: the version's rows in the
     * selection are exactly these, so reading them back from the files would only cost more
     * Spark jobs, and caching them to write and collect would cost more than collecting them.
     */
    private WrittenTable write(Warehouse warehouse, String table, Dataset<Row> rows, WeekSelection range) {
        List<Row> computed = rows.collectAsList();
        Dataset<Row> all = spark.createDataFrame(computed, rows.schema());
        Optional<Dataset<Row>> previous = warehouse.table(table);
        if (!range.isAll() && previous.isPresent()) {
            all = previous.get().filter(not(range.filter("week"))).unionByName(all);
        }
        Path version = warehouse.replace(table, all);
        FaultInjection.haltAt("analyze.wrote." + table);
        return new WrittenTable(version, computed);
    }

    /**
     * The run's one commit point: the KPIs, the warehouse versions they were read from and the
     * run's success go to the store in one transaction. Until it commits, the store and every
     * reader of the warehouse stay on the previous run; once it has, both are on this one.
     */
    private Result commit(AnalyzeRuns.Inputs inputs, AnalyzePlan.Plan plan, Written written,
                          Function<KpiPublisher.Published, Result> result) {
        long started = System.nanoTime();
        KpiPublisher.Tables rows = written.inRange().map(t -> KpiPublisher.Tables.inKeyOrder(t.kpiWeekly(),
                        t.busiestHours(), t.topComplaints()))
                .orElseGet(() -> new KpiPublisher.Tables(Collections.emptyIterator(), Collections.emptyIterator(),
                        Collections.emptyIterator()));
        Result committed = store.dsl().transactionResult(tx -> {
            Result done = result.apply(new KpiPublisher(tx.dsl()).publish(plan.weeks(), rows, inputs.runId()));
            FaultInjection.haltAt("analyze.publishing");
            new AnalyzeRuns(tx.dsl()).record(inputs);
            new RunLog(tx.dsl(), clock).succeeded(inputs.runId(), new RunLog.Counts(done.tickets(),
                    done.published().kpiRows(), null), summary(done), written.versions());
            new RunLog(tx.dsl(), clock).cutOff(inputs.runId(), done.cutOff());
            written.inRange().ifPresent(t -> new KpiPublisher(tx.dsl())
                    .publishAnswerTickets(t.answerTickets().iterator(), inputs.runId()));
            return done;
        });
        stage(String.format("published in one transaction in %.2f s", (System.nanoTime() - started) / 1e9));
        return committed;
    }

    private void stage(String message) {
        progress.println("analyze: " + message);
        progress.flush();
    }

    /** The run's message: what it recomputed and why, and what it published. */
    public static String summary(Result result) {
        return String.format("analyzed %d tickets and %d survey answers as of %s (%s; %s): %d KPI rows, "
                        + "%d busiest-hour cells, %d top-complaint rows published in %d s",
                result.tickets(), result.answers(), result.cutOff(), result.plan().mode(), result.plan().why(),
                result.published().kpiRows(),
                result.published().busiestRows(), result.published().complaintRows(), result.took().toSeconds());
    }
}
