package org.cskpi.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {

    private static final String HEADER = "ticket_id,channel,status,created_at,resolved_at,updated_at";

    @TempDir
    Path dir;

    @Test
    void rerun_is_a_no_op_and_an_overlapping_export_updates_exactly_the_changed_tickets() throws Exception {
        // Monday's export: A open, B open, C solved. A appears twice (event log): the newer row wins.
        Path monday = write("monday.csv", HEADER,
                "A,email,open,2026-03-02T09:00:00Z,,2026-03-02T09:00:00Z",
                "A,email,pending,2026-03-02T09:00:00Z,,2026-03-02T10:00:00Z",
                "B,chat,open,2026-03-02T11:00:00Z,,2026-03-02T11:00:00Z",
                "C,web,solved,2026-03-02T12:00:00Z,2026-03-02T13:00:00Z,2026-03-02T13:00:00Z");
        // Tuesday's export overlaps: A unchanged, B solved since (newer updated_at), C present in an
        // OLDER version (must not win), D new.
        Path tuesday = write("tuesday.csv", HEADER,
                "A,email,pending,2026-03-02T09:00:00Z,,2026-03-02T10:00:00Z",
                "B,chat,solved,2026-03-02T11:00:00Z,2026-03-03T08:00:00Z,2026-03-03T08:00:00Z",
                "C,web,open,2026-03-02T12:00:00Z,,2026-03-02T12:00:00Z",
                "D,phone,open,2026-03-03T09:00:00Z,,2026-03-03T09:00:00Z");

        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary first = run.ingest(CsvReaders.canonical(), monday);
            assertThat(first.rowsRead()).isEqualTo(4);
            assertThat(first.tickets()).isEqualTo(new IngestSummary.Tickets(3, 3, 0, 0, 3));
            assertThat(first.versions()).isEqualTo(Map.of("tickets", "v-000001", "ticket_changes", "v-000001"));
            String version = run.currentVersion().orElseThrow();

            IngestSummary again = run.ingest(CsvReaders.canonical(), monday);
            assertThat(again.tickets()).isEqualTo(new IngestSummary.Tickets(3, 0, 0, 3, 3));
            assertThat(again.versions()).isEmpty();
            assertThat(run.currentVersion()).contains(version);

            IngestSummary overlap = run.ingest(CsvReaders.canonical(), tuesday);
            // in run: A, B, C, D; new: D; updated: B; unchanged: A (identical) and C (older version loses).
            assertThat(overlap.tickets()).isEqualTo(new IngestSummary.Tickets(4, 1, 1, 2, 4));
            assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id") + ":" + r.getAs("status"))
                    .containsExactly("A:pending", "B:solved", "C:solved", "D:open");

            assertThat(new WarehouseTables(SharedSpark.session(), run.warehouse()).tickets().count()).isEqualTo(4);
            // The union of both exports ingested once gives the same warehouse.
            try (IngestRun union = new IngestRun(dir.resolve("union"))) {
                union.ingest(CsvReaders.canonical(), monday, tuesday);
                assertThat(union.tickets()).isEqualTo(run.tickets());
            }
        }
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
