package org.cskpi.ingest.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.ingest.warehouse.WarehouseTables.MESSAGES;
import static org.cskpi.ingest.warehouse.WarehouseTables.TICKETS;
import static org.cskpi.ingest.warehouse.WarehouseTables.TICKET_CHANGES;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Messages;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.merge.TicketChanges;
import org.cskpi.ingest.merge.TicketMerge;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.SourceReader;
import org.cskpi.ingest.source.StagedInput;
import org.cskpi.ingest.spark.SmallInputs;
import org.cskpi.ingest.validate.TicketRows;
import org.cskpi.ingest.validate.TicketValidator;
import org.cskpi.ingest.validate.TimestampParser;
import org.cskpi.ingest.validate.Validated;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.invitation.SurveyContacts;
import org.cskpi.store.AnalyzeRuns;
import org.cskpi.store.RunLog;
import org.cskpi.store.kpi.Breakdown;

/**
 * One ingest run: read → validate → quarantine → dedupe → merge → write
 * (docs/architecture.md#ingest, the ingest issue). The warehouse only changes in the last step,
 * by {@code Warehouse.replace}, and not at all when no ticket is new or updated; the new
 * versions become current when the run is marked succeeded, which records them in the store.
 * Any failure (or kill) before that leaves every reader on the previous versions.
 */
public final class IngestJob {

    /**
     * Where the run writes and what it reads; {@code contacts}, while {@code survey.send} is on,
     * keeps customers' addresses for survey e-mails (docs/mail.md#contacts).
     */
    public record Target(String warehouse, String quarantineRoot, Optional<String> customerKey,
                         Optional<SurveyContacts> contacts) {

        /** A run that keeps no addresses. */
        public Target(String warehouse, String quarantineRoot, Optional<String> customerKey) {
            this(warehouse, quarantineRoot, customerKey, Optional.empty());
        }
    }

    private final SparkSession spark;
    private final Target target;
    private final RunLog runs;
    private final PrintStream progress;
    private final Clock clock;

    public IngestJob(SparkSession spark, Target target, RunLog runs, PrintStream progress, Clock clock) {
        this.spark = spark;
        this.target = target;
        this.runs = runs;
        this.progress = progress;
        this.clock = clock;
    }

    public IngestSummary run(SourceReader reader, List<String> inputs, ReadOptions options) {
        Instant start = clock.instant();
        return runs.track("ingest", runId -> {
            try {
                IngestSummary summary = ingest(runId, start, reader, inputs, options);
                runs.succeeded(runId, new RunLog.Counts(summary.rowsRead(), summary.rowsAccepted(),
                        summary.rowsQuarantined()), String.join("; ", summary.lines()), summary.versions());
                return summary;
            } catch (Exception e) {
                throw failure(e);
            }
        });
    }

    /** Spark rethrows task failures as the checked SparkException; a UserError inside becomes the message. */
    private static RuntimeException failure(Exception e) {
        return SparkFailures.userError(e).map(RuntimeException.class::cast)
                .orElseGet(() -> e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e));
    }

    private IngestSummary ingest(long runId, Instant start, SourceReader reader, List<String> inputs, ReadOptions options) {
        stage("expanding inputs");
        List<Path> files = InputPaths.expand(inputs, spark.sparkContext().hadoopConfiguration());
        try (SmallInputs small = SmallInputs.forInput(spark, inputBytes(files))) {
            if (small.applied()) {
                stage("small input: one shuffle partition, interpreted plans");
            }
            return ingestFiles(runId, start, reader, files, options, small.stagingLevel());
        }
    }

    /** What the merge reads: the new files and the warehouse's current tickets and messages. */
    private long inputBytes(List<Path> files) {
        Warehouse warehouse = Warehouse.at(spark, target.warehouse(), runs.versions());
        List<Path> read = new ArrayList<>(files);
        read.addAll(warehouse.currentVersions(TICKETS, MESSAGES));
        return SmallInputs.bytesUnder(spark, read);
    }

    private IngestSummary ingestFiles(long runId, Instant start, SourceReader reader, List<Path> files, ReadOptions options,
                                      StorageLevel staging) {
        stage("reading " + files.size() + " " + reader.name() + " file(s)");
        StagedInput input = reader.read(spark, files, options);
        Map<String, Integer> fileIndexes = new HashMap<>();
        for (int i = 0; i < input.files().size(); i++) {
            fileIndexes.put(input.files().get(i), i);
        }
        ReadOptions ts = input.timestamps();
        TimestampParser timestamps = new TimestampParser(ts.zone(), ts.timestampFormats(), ts.sqlTimestamps());
        TicketValidator validator = new TicketValidator(timestamps, target.customerKey().orElse(null), fileIndexes);
        Dataset<Row> validated = TicketRows.withValidation(input.tickets(), validator).persist(staging);
        try {
            stage("validating rows");
            RowCounts counts = RowCounts.of(validated);
            if (counts.byReason().containsKey(Validated.FATAL_KIND)) {
                throw new UserError(validated.where(col(Validated.REASON_KIND).equalTo(Validated.FATAL_KIND))
                        .orderBy(Validated.FILE_INDEX).select(Validated.REASON).first().getString(0));
            }
            Optional<String> quarantine = counts.quarantined() > 0 ? Optional.of(writeQuarantine(runId, validated)) : Optional.empty();
            stage("deduplicating and merging into the warehouse");
            Merged merged = merge(runId, input, validated, staging);
            runs.names().record(Breakdown.AGENT, input.agentNames(), runId);
            Optional<IngestSummary.Contacts> contacts = target.contacts().map(store -> keepContacts(store, validated));
            return new IngestSummary(runId, input.files(), counts.read(), counts.accepted(), counts.byReason(),
                    counts.unknownChannels(), counts.dstGaps(), counts.dstOverlaps(), input.skipped(), merged.tickets(),
                    merged.versions(), quarantine, contacts, Duration.between(start, clock.instant()));
        } finally {
            // Blocking: a removal still running when the session stops ends in a logged RejectedExecutionException.
            validated.unpersist(true);
        }
    }

    /** The merge's ticket counts and the warehouse versions it wrote (table -> version). */
    private record Merged(IngestSummary.Tickets tickets, Map<String, String> versions) {
    }

    private Merged merge(long runId, StagedInput input, Dataset<Row> validated, StorageLevel staging) {
        Dataset<Row> incoming = TicketRows.dedupe(TicketRows.filterAccepted(validated));
        if (input.messages().isPresent()) {
            incoming = TicketRows.withMessageFacts(incoming, input.messages().get());
        }
        Warehouse warehouse = Warehouse.at(spark, target.warehouse(), runs.versions());
        Dataset<Row> stored = new WarehouseTables(spark, warehouse).tickets();
        Dataset<Row> merged = TicketMerge.merge(stored, incoming).persist(staging);
        try {
            Map<String, Long> changes = new HashMap<>();
            for (Row row : merged.groupBy(TicketMerge.CHANGE).count().collectAsList()) {
                changes.put(row.getString(0), row.getLong(1));
            }
            long created = changes.getOrDefault(TicketMerge.NEW, 0L);
            long updated = changes.getOrDefault(TicketMerge.UPDATED, 0L);
            long unchanged = changes.getOrDefault(TicketMerge.UNCHANGED, 0L);
            long total = created + updated + unchanged + changes.getOrDefault(TicketMerge.KEPT, 0L);
            Map<String, String> versions = new TreeMap<>();
            if (created + updated > 0) {
                stage("writing " + total + " tickets");
                versions.put(TICKETS, warehouse.replace(TICKETS, merged.select(ticketColumns())).getName());
                versions.put(TICKET_CHANGES, logChanges(warehouse, merged, runId).getName());
                input.messages().ifPresent(messages ->
                        versions.put(MESSAGES, mergeMessages(warehouse, messages, merged).getName()));
            } else {
                stage("no ticket is new or changed; warehouse left as it was");
            }
            return new Merged(new IngestSummary.Tickets(created + updated + unchanged, created, updated, unchanged, total),
                    versions);
        } finally {
            merged.unpersist(true); // blocking, as validated's
        }
    }

    /**
     * Appends this run's new and updated tickets, with the versions they replace, to the change
     * log incremental analyze reads; rows no analyze will need any more are dropped.
     */
    private Path logChanges(Warehouse warehouse, Dataset<Row> merged, long runId) {
        Optional<Long> keepAfter = runs.analyzeRuns().baseline().flatMap(AnalyzeRuns.Inputs::ticketChangesAfter);
        return warehouse.replace(TICKET_CHANGES, TicketChanges.next(warehouse.table(TICKET_CHANGES), keepAfter,
                TicketChanges.ofRun(merged, runId)));
    }

    private static Column[] ticketColumns() {
        return Arrays.stream(Tickets.SCHEMA.fieldNames()).map(name -> col(name)).toArray(Column[]::new);
    }

    /** The messages of new and updated tickets replace those tickets' stored messages. */
    private Path mergeMessages(Warehouse warehouse, Dataset<Row> messages, Dataset<Row> merged) {
        Dataset<Row> changed = merged.where(col(TicketMerge.CHANGE).isin(TicketMerge.NEW, TicketMerge.UPDATED))
                .select(col(Tickets.SOURCE), col(Tickets.TICKET_ID));
        List<String> keys = List.of(Messages.SOURCE, Messages.TICKET_ID);
        Dataset<Row> fresh = messages.join(changed, scala(keys), "left_semi");
        Dataset<Row> result = warehouse.table(MESSAGES)
                .map(stored -> stored.join(changed, scala(keys), "left_anti").unionByName(fresh))
                .orElse(fresh);
        return warehouse.replace(MESSAGES, result.select(Messages.SCHEMA.fieldNames()[0],
                Arrays.copyOfRange(Messages.SCHEMA.fieldNames(), 1, Messages.SCHEMA.size())));
    }

    /** Writes the run's customers' addresses to the store and deletes those not seen within the retention. */
    private IngestSummary.Contacts keepContacts(SurveyContacts store, Dataset<Row> validated) {
        stage("keeping customers' addresses for survey e-mails");
        Iterator<Row> rows = TicketRows.contacts(validated).toLocalIterator();
        Iterator<SurveyContacts.Contact> contacts = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public SurveyContacts.Contact next() {
                Row row = rows.next();
                return new SurveyContacts.Contact(row.getString(0), row.getString(1), row.getString(2));
            }
        };
        SurveyContacts.Kept kept = store.keep(contacts);
        return new IngestSummary.Contacts(kept.kept(), kept.deleted(), store.retentionDays());
    }

    private String writeQuarantine(long runId, Dataset<Row> validated) {
        String dir = new Path(target.quarantineRoot(), String.valueOf(runId)).toString();
        stage("writing quarantined rows to " + dir);
        TicketRows.filterQuarantined(validated).orderBy("file", "line").coalesce(1).write()
                .option("header", "true").option("escape", "\"").option("quoteAll", "true")
                .csv(dir);
        return dir;
    }

    private void stage(String what) {
        progress.println("ingest: " + what + "...");
        progress.flush();
    }

    private static scala.collection.immutable.Seq<String> scala(List<String> names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(names).toSeq();
    }

    /** Row counts of one validated run, from one aggregation. */
    record RowCounts(long read, long accepted, Map<String, Long> byReason, long unknownChannels, long dstGaps,
                     long dstOverlaps) {

        long quarantined() {
            return byReason.values().stream().mapToLong(Long::longValue).sum();
        }

        static RowCounts of(Dataset<Row> validated) {
            List<Row> rows = validated.groupBy(col(Validated.REASON_KIND)).agg(count(lit(1)),
                    sum(when(col(Validated.HAS_UNKNOWN_CHANNEL), 1).otherwise(0)),
                    sum(col(Validated.DST_GAPS)), sum(col(Validated.DST_OVERLAPS))).collectAsList();
            long read = 0;
            long accepted = 0;
            long unknown = 0;
            long gaps = 0;
            long overlaps = 0;
            Map<String, Long> byReason = new TreeMap<>();
            for (Row row : rows) {
                long n = row.getLong(1);
                read += n;
                if (row.isNullAt(0)) {
                    accepted += n;
                } else {
                    byReason.put(row.getString(0), n);
                }
                unknown += row.getLong(2);
                gaps += row.getLong(3);
                overlaps += row.getLong(4);
            }
            RowCounts counts = new RowCounts(read, accepted, byReason, unknown, gaps, overlaps);
            if (counts.read() != counts.accepted() + counts.quarantined()) {
                throw new IllegalStateException("row counts do not add up: read " + read + " != accepted " + accepted
                        + " + quarantined " + counts.quarantined());
            }
            return counts;
        }
    }

}
