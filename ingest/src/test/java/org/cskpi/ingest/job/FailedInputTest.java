package org.cskpi.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.freshdesk.FreshdeskReader;
import org.cskpi.store.jooq.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that cannot be read fail the run with one line naming the file, and leave the warehouse as it was. */
class FailedInputTest {

    @TempDir
    Path dir;

    private IngestRun run;
    private String version;

    @BeforeEach
    void a_warehouse_with_one_ticket() throws Exception {
        run = new IngestRun(dir.resolve("data"));
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "ticket_id,status,created_at\nT-1,open,2026-03-02T09:00:00Z\n");
        run.ingest(CsvReaders.canonical(), good);
        version = run.currentVersion().orElseThrow();
    }

    @Test
    void a_truncated_gzip_names_the_file() throws Exception {
        StringBuilder csv = new StringBuilder("ticket_id,status,created_at\n");
        for (int i = 0; i < 2000; i++) {
            csv.append("N-").append(i).append(",open,2026-03-02T09:00:00Z\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Path file = dir.resolve("export.csv.gz");
        Files.write(file, Arrays.copyOf(all, all.length / 2));

        assertFailsLeavingWarehouse(CsvReaders.canonical(), file, file + ": cannot read (truncated or corrupt file?)");
    }

    @Test
    void an_empty_file_names_the_file_and_the_expected_header() throws Exception {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");
        assertFailsLeavingWarehouse(CsvReaders.canonical(), file, file + ": empty file; expected a header line");
    }

    @Test
    void a_wrong_header_names_the_column_and_what_was_expected() throws Exception {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "id,state,opened\n1,open,2026-03-02\n");
        assertFailsLeavingWarehouse(CsvReaders.canonical(), file,
                file + ": header \"id\" is not a canonical column; expected a header of ticket_id,customer_id");
    }

    @Test
    void a_canonical_csv_read_as_freshdesk_lists_the_headers_the_file_has() throws Exception {
        Path file = dir.resolve("canonical.csv");
        Files.writeString(file, "ticket_id,status,created_at\nT-9,open,2026-03-02T09:00:00Z\n");
        assertFailsLeavingWarehouse(new FreshdeskReader(), file,
                file + ": column \"Ticket ID\" (for ticket_id) is not in the file; its header has: ticket_id, status, created_at");
    }

    @Test
    void a_missing_input_names_the_path() {
        Path file = dir.resolve("nowhere/*.csv");
        assertFailsLeavingWarehouse(CsvReaders.canonical(), file, file + ": no such file or directory");
    }

    private void assertFailsLeavingWarehouse(org.cskpi.ingest.source.SourceReader reader, Path file, String message) {
        assertThatThrownBy(() -> run.ingest(reader, file))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(run.currentVersion()).contains(version);
        assertThat(run.tickets()).extracting(r -> r.getAs("ticket_id")).containsExactly("T-1");
        assertThat(run.store.dsl().fetchCount(Tables.RUNS, Tables.RUNS.STATUS.eq("failed"))).isEqualTo(1);
        run.close();
    }
}
