package org.cskpi.ingest.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.SourceReader;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.invitation.SurveyContacts;
import org.cskpi.store.RunLog;
import org.cskpi.store.RunVersions;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;

/** Test helper: an ingest job over a temporary data directory and a fresh in-memory store. */
public final class IngestRun implements AutoCloseable {

    public final Path dataDir;
    public final Store store;
    public final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final SparkSession spark = SharedSpark.session();
    private final Optional<String> customerKey;
    private Optional<SurveyContacts> contacts = Optional.empty();

    public IngestRun(Path dataDir) {
        this(dataDir, Optional.empty());
    }

    public IngestRun(Path dataDir, Optional<String> customerKey) {
        this.dataDir = dataDir;
        this.customerKey = customerKey;
        this.store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    }

    public IngestSummary ingest(SourceReader reader, ZoneId zone, Path... inputs) {
        List<String> paths = new ArrayList<>();
        for (Path input : inputs) {
            paths.add(input.toString());
        }
        IngestJob.Target target = new IngestJob.Target(warehouseDir(), dataDir.resolve("quarantine").toString(), customerKey,
                contacts);
        IngestJob job = new IngestJob(spark, target, new RunLog(store.dsl(), Clock.systemUTC()),
                new PrintStream(progress, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return job.run(reader, paths, new ReadOptions(zone, List.of()));
    }

    public IngestSummary ingest(SourceReader reader, Path... inputs) {
        return ingest(reader, ZoneId.of("UTC"), inputs);
    }

    /** From now on the runs keep survey contacts, as with {@code survey.send: true}. */
    public IngestRun keepingContacts(Clock clock, int retentionDays) {
        contacts = Optional.of(new SurveyContacts(store.dsl(), clock, retentionDays));
        return this;
    }

    public String warehouseDir() {
        return dataDir.resolve("warehouse").toString();
    }

    /** The warehouse as the batch jobs read it: current versions are the ones the store recorded. */
    public Warehouse warehouse() {
        return Warehouse.at(spark, warehouseDir(), new RunVersions(store.dsl()));
    }

    /** The current tickets, sorted by source then ticket_id. */
    public List<Row> tickets() {
        List<Row> rows = new ArrayList<>(warehouse().table("tickets").orElseThrow().collectAsList());
        rows.sort(Comparator.comparing((Row r) -> r.<String>getAs("source")).thenComparing(r -> r.<String>getAs("ticket_id")));
        return rows;
    }

    public Optional<String> currentVersion() {
        return warehouse().currentVersion("tickets").map(Object::toString);
    }

    @Override
    public void close() {
        store.close();
    }

    /** A row's values in column order, for exact-row assertions. */
    public static Object[] values(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    public static java.sql.Timestamp ts(String instant) {
        return java.sql.Timestamp.from(java.time.Instant.parse(instant));
    }
}
