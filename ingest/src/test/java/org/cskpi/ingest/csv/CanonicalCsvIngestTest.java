package org.cskpi.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.ingest.job.IngestRun.ts;
import static org.cskpi.ingest.job.IngestRun.values;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.job.IngestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalCsvIngestTest {

    @TempDir
    Path dir;

    @Test
    void reads_bom_crlf_quoted_multiline_fields_and_absent_optional_columns() throws Exception {
        // No priority, agent_id, team, final_resolved_at columns: they are optional and read as null.
        Path file = dir.resolve("tickets.csv");
        Files.write(file, ("\uFEFFticket_id,customer_id,channel,category,status,created_at,first_response_at,resolved_at,reopens,agent_replies,updated_at\r\n"
                + "T-1,c-1,Email, Shipping ,solved,2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,2026-03-02T12:00:00Z,0,1,2026-03-02T12:00:00Z\r\n"
                + "T-2,c-2,chat,\"Refund,\r\npartial\",pending,2026-03-02T10:00:00,,,,,2026-03-02T10:05:00+01:00\r\n"
                + "T-3,,fax,,closed,2026-03-03,,,,,\r\n"
                + "T-4,c-4,email,billing,open,yesterday,,,,,\r\n").getBytes(StandardCharsets.UTF_8));

        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.canonical(), ZoneId.of("Europe/Oslo"), file);

            assertThat(summary.rowsRead()).isEqualTo(4);
            assertThat(summary.rowsAccepted()).isEqualTo(3);
            assertThat(summary.quarantinedByReason()).isEqualTo(Map.of("unparseable timestamp", 1L));
            assertThat(summary.unknownChannels()).isEqualTo(1);
            assertThat(summary.tickets().created()).isEqualTo(3);
            List<Row> tickets = run.tickets();
            assertThat(tickets).hasSize(3);
            // T-1: offsets given; " Shipping " trimmed and lower-cased.
            assertThat(values(tickets.get(0))).containsExactly("T-1", "csv", "c-1", "email", "shipping", null, null, null,
                    "solved", ts("2026-03-02T09:00:00Z"), ts("2026-03-02T09:30:00Z"), ts("2026-03-02T12:00:00Z"), null,
                    0, 1, ts("2026-03-02T12:00:00Z"), null, "Email", "solved");
            // T-2: no offset -> Oslo (UTC+1 in March) so 10:00 is 09:00Z; the quoted category spans two lines;
            // empty counts stay null (unknown, not 0).
            assertThat(values(tickets.get(1))).containsExactly("T-2", "csv", "c-2", "chat", "refund,\r\npartial", null, null,
                    null, "pending", ts("2026-03-02T09:00:00Z"), null, null, null, null, null, ts("2026-03-02T09:05:00Z"),
                    null, "chat", "pending");
            // T-3: a date alone is midnight in Oslo = 23:00Z the day before; fax is not a channel -> other.
            assertThat(values(tickets.get(2))).containsExactly("T-3", "csv", null, "other", "uncategorised", null, null,
                    null, "closed", ts("2026-03-02T23:00:00Z"), null, null, null, null, null, null, null, "fax", "closed");
        }
    }

    @Test
    void reads_the_source_and_raw_values_and_spaced_timestamps_of_a_sql_export() throws Exception {
        // The header `cskpi sql --format csv "select * from tickets"` prints; a present raw_channel
        // column is used even when empty, an empty source is this reader's own, csv.
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "ticket_id,source,customer_id,channel,category,priority,agent_id,team,status,"
                + "created_at,first_response_at,resolved_at,final_resolved_at,reopens,agent_replies,updated_at,"
                + "locale,raw_channel,raw_status\n"
                + "Z-1,zendesk,c-1,phone,billing,high,7,Support,solved,2026-03-02 09:00:00,2026-03-02 09:30:00.25,"
                + "2026-03-02 12:00:00,2026-03-02 12:00:00,0,1,2026-03-02 12:00:00.123456,nb,voice,closed\n"
                + "C-1,,,other,uncategorised,,,,open,2026-03-02 10:00:00,,,,,,,,,\n");

        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.canonical(), file);

            assertThat(summary.rowsAccepted()).isEqualTo(2);
            List<Row> tickets = run.tickets();
            assertThat(values(tickets.get(0))).containsExactly("C-1", "csv", null, "other", "uncategorised", null, null,
                    null, "open", ts("2026-03-02T10:00:00Z"), null, null, null, null, null, null, null, null, null);
            assertThat(values(tickets.get(1))).containsExactly("Z-1", "zendesk", "c-1", "phone", "billing", "high", "7",
                    "Support", "solved", ts("2026-03-02T09:00:00Z"), ts("2026-03-02T09:30:00.25Z"),
                    ts("2026-03-02T12:00:00Z"), ts("2026-03-02T12:00:00Z"), 0, 1, ts("2026-03-02T12:00:00.123456Z"),
                    "nb", "voice", "closed");
        }
    }

    @Test
    void reads_gzip_files_from_a_directory() throws Exception {
        java.nio.file.Path exports = Files.createDirectories(dir.resolve("exports"));
        try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(exports.resolve("part-1.csv.gz")))) {
            gzip.write("ticket_id,status,created_at\nG-1,open,2026-03-02T09:00:00Z\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(exports.resolve("part-2.csv"), "ticket_id,status,created_at\nG-2,solved,2026-03-02T10:00:00Z\n");
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.canonical(), exports);
            assertThat(summary.files()).hasSize(2);
            assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id") + ":" + r.getAs("status"))
                    .containsExactly("G-1:open", "G-2:solved");
        }
    }
}
