package org.cskpi.analytics.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.job.IngestSummary;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.Store;
import org.cskpi.sqlshell.ResultFormat;
import org.cskpi.sqlshell.SqlRunner;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cskpi sql --format csv "select * from tickets"} is a canonical CSV: ingested with
 * {@code --source csv} into a fresh warehouse it gives the same tickets, row for row.
 */
@ExtendWith(SharedSpark.class)
class SqlCsvRoundTripTest {

    private static final String HASHED = "5f0b4a7e0c3d9a1b2c4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4";

    @TempDir
    Path dir;

    @Test
    void tickets_exported_as_csv_ingest_back_unchanged(SparkSession spark) throws Exception {
        String warehouse = dir.resolve("warehouse").toString();
        Warehouse.at(spark, warehouse).replace(WarehouseTables.TICKETS, spark.createDataFrame(tickets(), Tickets.SCHEMA));
        Path export = Files.write(dir.resolve("tickets.csv"), exportCsv(spark, warehouse));

        try (IngestRun run = new IngestRun(dir.resolve("fresh"))) {
            IngestSummary summary = run.ingest(CsvReaders.canonical(), export);

            assertThat(summary.rowsAccepted()).isEqualTo(tickets().size());
            assertThat(summary.unknownChannels()).isZero();
            Dataset<Row> original = new WarehouseTables(spark, Warehouse.at(spark, warehouse)).tickets();
            Dataset<Row> ingested = new WarehouseTables(spark, run.warehouse()).tickets();
            assertThat(ingested.exceptAll(original).collectAsList()).isEmpty();
            assertThat(original.exceptAll(ingested).collectAsList()).isEmpty();
        }
    }

    /** What {@code cskpi sql --format csv "select * from tickets"} prints. */
    private static byte[] exportCsv(SparkSession spark, String warehouse) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            SqlViews.register(spark, warehouse, store.dsl());
            new SqlRunner(spark, ResultFormat.CSV, new PrintStream(out, true, StandardCharsets.UTF_8), SqlRunner.RowCap.NONE)
                    .run("select * from tickets");
        }
        return out.toByteArray();
    }

    /** Tickets as ingest stores them: the columns of Tickets.SCHEMA, in its order. */
    private static List<Row> tickets() {
        return List.of(
                // Zendesk: the help desk's own channel and status differ from the canonical ones;
                // timestamps with micro- and milliseconds; text that CSV must quote.
                RowFactory.create("4711", "zendesk", HASHED, "phone", "refund, \"partial\"\nsecond line", "high", "901",
                        "Support, Oslo", "solved", ts("2026-03-02T09:00:00Z"), ts("2026-03-02T09:30:00.123456Z"),
                        ts("2026-03-02T12:00:00.5Z"), ts("2026-03-04T08:15:00Z"), 2, 3, ts("2026-03-04T08:15:00.001Z"),
                        "nb", "voice", "closed"),
                // Canonical CSV with only the required columns: nulls everywhere else, raw values null too.
                RowFactory.create("T-1", "csv", null, "other", Tickets.UNCATEGORISED, null, null, null, "open",
                        ts("2026-03-02T23:59:59Z"), null, null, null, null, null, null, null, null, null),
                // A mapping file's source; non-ASCII text; counts of zero; a first response at creation.
                RowFactory.create("INC0001", "servicenow", "c-17", "email", "frakt – ærlig", "urgent", null, "Tier 1",
                        "pending", ts("2026-10-25T00:30:00Z"), ts("2026-10-25T00:30:00Z"), null, null, 0, 0,
                        ts("2026-10-25T01:30:00Z"), "sv", "E-mail", "Awaiting customer"),
                // Chatwoot: same ticket id as the canonical one, another source.
                RowFactory.create("T-1", "chatwoot", "42", "chat", "billing", null, "7", null, "solved",
                        ts("2026-03-01T10:00:00Z"), ts("2026-03-01T10:00:01Z"), ts("2026-03-01T10:05:00Z"),
                        ts("2026-03-01T10:05:00Z"), null, 4, ts("2026-03-01T10:05:00Z"), null, "Channel::WebWidget",
                        "resolved"));
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
