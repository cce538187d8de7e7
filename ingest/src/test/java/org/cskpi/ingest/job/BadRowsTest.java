package org.cskpi.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.store.jooq.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRowsTest {

    @TempDir
    Path dir;

    @Test
    void each_kind_of_bad_row_is_quarantined_with_its_line_and_reason() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, String.join("\n",
                "ticket_id,channel,status,created_at,first_response_at,resolved_at,reopens,agent_replies,updated_at",
                "T-1,email,open,2026-03-02T09:00:00Z,,,,,",                                  // 2 ok
                ",email,open,2026-03-02T09:00:00Z,,,,,",                                     // 3 missing ticket id
                "T-3,email,open,,,,,,",                                                      // 4 missing created_at
                "T-4,email,open,03/02/2026,,,,,",                                            // 5 unparseable
                "T-5,email,open,2026-03-02T09:00:00Z,2026-03-02T08:59:59Z,,,,",              // 6 response before created
                "T-6,email,solved,2026-03-02T09:00:00Z,,2026-03-01T09:00:00Z,,,",            // 7 resolved before created
                "T-7,email,open,2026-03-02T09:00:00Z,,,-1,,",                                // 8 negative count
                "T-8,email,open,2026-03-02T09:00:00Z,,,,1.5,",                               // 9 not an integer
                "T-9,email,escalated,2026-03-02T09:00:00Z,,,,,",                             // 10 non-canonical status
                "T-10,email,open",                                                           // 11 field count
                "",                                                                          // 12 blank: skipped
                "T-11,pigeon,open,2026-03-02T09:00:00Z,,,,,",                                // 13 ok, channel other
                "T-12,chat,pending,2026-03-02T09:00:00Z,,,,,not a time") + "\n");           // 14 unparseable updated_at

        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.canonical(), file);

            assertThat(summary.rowsRead()).isEqualTo(12); // 13 data lines, one blank
            assertThat(summary.rowsAccepted()).isEqualTo(2);
            assertThat(summary.rowsQuarantined()).isEqualTo(10);
            assertThat(summary.rowsRead()).isEqualTo(summary.rowsAccepted() + summary.rowsQuarantined());
            assertThat(summary.quarantinedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "missing ticket_id", 1L, "missing created_at", 1L, "unparseable timestamp", 2L,
                    "first_response_at before created_at", 1L, "resolved_at before created_at", 1L,
                    "negative count", 1L, "count not an integer", 1L, "non-canonical status", 1L,
                    "field count mismatch", 1L));
            assertThat(summary.unknownChannels()).isEqualTo(1);
            assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id") + "/" + r.getAs("channel"))
                    .containsExactly("T-1/email", "T-11/other");

            List<Row> quarantined = SharedSpark.session().read().option("header", "true").option("multiLine", "true")
                    .option("escape", "\"").csv(summary.quarantineDir().orElseThrow()).collectAsList();
            assertThat(quarantined).extracting(r -> r.getString(1) + " " + r.getString(2)).containsExactly(
                    "3 missing ticket_id",
                    "4 missing created_at",
                    "5 unparseable created_at: \"03/02/2026\"",
                    "6 first_response_at 2026-03-02T08:59:59Z is before created_at 2026-03-02T09:00:00Z",
                    "7 resolved_at 2026-03-01T09:00:00Z is before created_at 2026-03-02T09:00:00Z",
                    "8 reopens is negative: \"-1\"",
                    "9 agent_replies is not an integer: \"1.5\"",
                    "10 status \"escalated\" is not one of [open, pending, solved, closed] (map it under values.status)",
                    "11 field count 3 differs from the header's 9",
                    "14 unparseable updated_at: \"not a time\"");
            assertThat(quarantined).allSatisfy(r -> assertThat(r.getString(0)).isEqualTo(file.toString()));
            assertThat(quarantined.get(8).getString(3)).isEqualTo("T-10,email,open");

            var runRow = run.store.dsl().selectFrom(Tables.RUNS).fetchSingle();
            assertThat(runRow.getKind()).isEqualTo("ingest");
            assertThat(runRow.getStatus()).isEqualTo("succeeded");
            assertThat(runRow.getRowsIn()).isEqualTo(12L);
            assertThat(runRow.getRowsOut()).isEqualTo(2L);
            assertThat(runRow.getRowsQuarantined()).isEqualTo(10L);
        }
    }
}
