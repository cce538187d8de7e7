package org.cskpi.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.job.IngestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedCsvIngestTest {

    @TempDir
    Path dir;

    @Test
    void headerless_tab_separated_file_with_constants_and_dst_counts() throws Exception {
        Path mapping = write("m.yaml", """
                source: legacy
                timezone: Europe/Oslo
                csv: {delimiter: "\\t", header: false}
                null_values: ["NA"]
                columns: {ticket_id: c1, created_at: c2, updated_at: c2, status: c3, channel: c4}
                timestamp_formats: ["dd.MM.yyyy HH:mm"]
                values: {status: {Done: solved}}
                constants: {status: open, category: Legacy Import}
                """);
        // 29.03.2026 02:30 is in Oslo's spring-forward gap, 25.10.2026 02:30 in the autumn overlap;
        // both feed created_at and updated_at, so each counts twice. Row 3's status NA falls back to the constant.
        Path data = write("d.tsv", "L1\t29.03.2026 02:30\tdone\tPhone\nL2\t25.10.2026 02:30\tOPEN\temail\nL3\t01.01.2026 00:00\tNA\tchat\n");
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.mapped(mapping), data);
            assertThat(summary.rowsRead()).isEqualTo(3);
            assertThat(summary.rowsQuarantined()).isZero();
            assertThat(summary.dstGaps()).isEqualTo(2);
            assertThat(summary.dstOverlaps()).isEqualTo(2);
            assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id") + " " + r.getAs("status") + " " + r.getAs("channel")
                    + " " + r.getAs("category") + " " + r.getAs("created_at"))
                    .containsExactly("L1 solved phone legacy import 2026-03-29 01:30:00.0",
                            "L2 open email legacy import 2026-10-25 00:30:00.0",
                            "L3 open chat legacy import 2025-12-31 23:00:00.0");
        }
    }

    @Test
    void a_header_missing_from_the_file_is_an_error_listing_its_headers() throws Exception {
        Path mapping = write("m.yaml", "source: s\ncolumns: {ticket_id: Number, created_at: Opened At}\n");
        Path data = write("d.csv", "\uFEFF number , opened\nX,2026-01-01\n");
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            assertThatThrownBy(() -> run.ingest(CsvReaders.mapped(mapping), data))
                    .isInstanceOf(UserError.class)
                    .hasMessage(data + ": column \"Opened At\" (for created_at) is not in the file; its header has: number, opened");
            assertThat(run.warehouse().currentVersion("tickets")).isEmpty();
        }
    }

    @Test
    void headers_match_case_insensitively_and_one_header_feeds_several_columns() throws Exception {
        Path mapping = write("m.yaml", "source: s\ncolumns: {ticket_id: NUMBER, created_at: opened at, updated_at: Opened At, status: State}\n");
        Path data = write("d.csv", "\uFEFF Number ,Opened at,state,extra\nX,2026-01-01T10:00:00Z,Open,ignored\n");
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.mapped(mapping), data);
            assertThat(summary.quarantinedByReason()).isEqualTo(Map.of());
            assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id") + " " + r.getAs("updated_at") + " " + r.getAs("status"))
                    .containsExactly("X 2026-01-01 10:00:00.0 open");
        }
    }

    @Test
    void bytes_invalid_in_the_encoding_are_an_error_with_file_and_offset() throws Exception {
        Path mapping = write("m.yaml", "source: s\ncolumns: {ticket_id: id, created_at: opened, status: status}\n");
        Path data = dir.resolve("latin1.csv");
        // "id,opened,status\n" = 17 bytes, "1,2026-01-01,R" = 14 more; the 0xE9 of "Résolu" is byte 31.
        Files.write(data, "id,opened,status\n1,2026-01-01,Résolu\n".getBytes(StandardCharsets.ISO_8859_1));
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            assertThatThrownBy(() -> run.ingest(CsvReaders.mapped(mapping), data))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith(data + ": bytes at byte offset 31 are not valid UTF-8");
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
