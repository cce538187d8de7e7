package org.cskpi.batch.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cskpi.cli.Cli;
import org.cskpi.store.Store;
import org.cskpi.store.jooq.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ResponsesCommandTest {

    @TempDir
    Path dir;

    @Test
    void imports_into_the_store_of_the_data_dir_and_records_the_run() throws Exception {
        Path file = dir.resolve("nps.csv");
        Files.writeString(file, "customer_id,score,answered_at\nC-1,10,2026-03-02T10:00:00Z\nC-2,7.5,2026-03-02T10:00:00Z\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(new ResponsesCommand());
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("import", file.toString(), "--data-dir", dir.resolve("data").toString());

        assertThat(code).as(err.toString()).isZero();
        try (Store store = Store.open("jdbc:h2:" + dir.resolve("data").toAbsolutePath().resolve("cskpi"))) {
            assertThat(store.dsl().fetchCount(Tables.SURVEY_RESPONSES)).isEqualTo(1);
            assertThat(store.dsl().selectFrom(Tables.RUNS).fetchSingle().getKind()).isEqualTo("responses import");
        }
        assertThat(dir.resolve("data/quarantine/1/responses.csv")).exists();
    }

    @Test
    void a_missing_subcommand_is_a_bad_argument() {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(new ResponsesCommand());
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute()).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("expected 'responses import FILE'");
    }
}
