package org.cskpi.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.job.IngestSummary;
import org.cskpi.ingest.source.SourceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file cut into byte ranges (one Spark task each) ingests exactly as the file read whole. */
class SplitCsvIngestTest {

    @TempDir
    Path dir;

    @Test
    void a_file_read_in_ranges_gives_the_same_tickets_counts_and_quarantine_lines() throws IOException {
        StringBuilder csv = new StringBuilder("ticket_id,customer_id,channel,category,status,created_at,updated_at\n");
        for (int i = 1; i <= 40; i++) {
            String category = i % 7 == 0 ? "\"multi\nline, " + i + "\"" : "cat" + i % 3;
            String created = i % 11 == 0 ? "not a time" : "2026-03-02T09:" + String.format("%02d", i) + ":00Z";
            csv.append("T-").append(i % 37).append(",c-").append(i).append(",email,").append(category)
                    .append(",open,").append(created).append(",2026-03-03T10:").append(String.format("%02d", i)).append(":00Z\n");
        }
        Path file = dir.resolve("tickets.csv");
        Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        long size = Files.size(file);

        Outcome whole = ingest("whole", new MappedCsvReader("csv", CsvReaders.canonicalMapping(), HeaderPolicy.CANONICAL), file);
        Outcome ranges = ingest("ranges", new MappedCsvReader("csv", CsvReaders.canonicalMapping(), HeaderPolicy.CANONICAL,
                size / 8), file);

        // 40 rows: 3 with "not a time" (rows 11, 22, 33) quarantined; T-1..T-3 appear twice (i and i+37).
        assertThat(whole.summary.rowsRead()).isEqualTo(40);
        assertThat(whole.summary.rowsQuarantined()).isEqualTo(3);
        assertThat(ranges.summary.rowsRead()).isEqualTo(whole.summary.rowsRead());
        assertThat(ranges.summary.rowsAccepted()).isEqualTo(whole.summary.rowsAccepted());
        assertThat(ranges.summary.tickets()).isEqualTo(whole.summary.tickets());
        assertThat(ranges.tickets).isEqualTo(whole.tickets);
        // Row i is on line i + 1 plus one extra line per multi-line row before it (rows 7, 14, ... span two lines):
        // row 11 -> 11 + 1 + 1 = 13, row 22 -> 22 + 1 + 3 = 26, row 33 -> 33 + 1 + 4 = 38.
        assertThat(whole.quarantine).anySatisfy(line -> assertThat(line).contains("\"13\"").contains("not a time"))
                .anySatisfy(line -> assertThat(line).contains("\"26\"").contains("not a time"))
                .anySatisfy(line -> assertThat(line).contains("\"38\"").contains("not a time"));
        assertThat(ranges.quarantine).isEqualTo(whole.quarantine);
    }

    private record Outcome(IngestSummary summary, List<String> tickets, List<String> quarantine) {
    }

    private Outcome ingest(String name, SourceReader reader, Path file) throws IOException {
        try (IngestRun run = new IngestRun(dir.resolve(name))) {
            IngestSummary summary = run.ingest(reader, ZoneId.of("UTC"), file);
            List<String> tickets = run.tickets().stream().map(row -> Arrays.toString(IngestRun.values(row))).sorted().toList();
            List<String> quarantine;
            try (Stream<Path> parts = Files.list(Path.of(summary.quarantineDir().orElseThrow()))) {
                quarantine = parts.filter(p -> p.getFileName().toString().endsWith(".csv"))
                        .flatMap(p -> {
                            try {
                                return Files.readAllLines(p).stream();
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }).toList();
            }
            return new Outcome(summary, tickets, quarantine);
        }
    }
}
