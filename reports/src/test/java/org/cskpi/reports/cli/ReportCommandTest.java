package org.cskpi.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.cskpi.cli.Cli;
import org.cskpi.reports.SampleStore;
import org.cskpi.reports.StoreRows;
import org.cskpi.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Cli.commandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** One in-memory store with the sample data for the class (it outlives its connections). */
    private static final String SAMPLE_URL = "jdbc:h2:mem:report-command-" + java.util.UUID.randomUUID();
    private static Store sample;

    @BeforeAll
    static void fill() {
        sample = Store.openMigrated(SAMPLE_URL);
        SampleStore.fill(StoreRows.wrap(sample));
    }

    @AfterAll
    static void close() {
        sample.close();
    }

    /** A config file under dataDir pointing store.url at the sample store. */
    private static Path sampleStore(Path dataDir) {
        return config(dataDir, SAMPLE_URL);
    }

    private static Path config(Path dataDir, String url) {
        try {
            return Files.writeString(dataDir.resolve("cskpi.yaml"), "store:\n  url: " + url + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void writes_the_last_complete_week_by_default(@TempDir Path dir) throws Exception {
        Path config = sampleStore(dir);

        int exit = run("--config", config.toString(), "--data-dir", dir.toString(), "--csv-dir", dir.resolve("csv").toString());

        assertThat(exit).as(err.toString()).isZero();
        // 2026-W48 is incomplete, so the default is 2026-W47
        Path html = dir.resolve("reports/2026-W47.html");
        assertThat(out.toString()).contains("Wrote the 2026-W47 report to " + html);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("week 2026-W47");
        assertThat(dir.resolve("csv/frt-median-trend.csv")).isNotEmptyFile();
        for (Path written : List.of(html, dir.resolve("csv/frt-median-trend.csv"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        }
    }

    @Test
    void writes_json_for_a_chosen_week(@TempDir Path dir) throws Exception {
        Path config = sampleStore(dir);

        int exit = run("--config", config.toString(), "--data-dir", dir.toString(), "--week", "2026-W46", "--format", "json",
                "--out", dir.resolve("r.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"week\" : \"2026-W46\"");
    }

    @Test
    void a_bad_or_empty_week_is_a_one_line_error(@TempDir Path dir) {
        Path config = sampleStore(dir);

        assertThat(run("--config", config.toString(), "--week", "2026-47")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("--week: week '2026-47' is not of the form YYYY-Www");
        assertThat(run("--config", config.toString(), "--week", "2025-W02")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("no figures for 2025-W02 (weeks with data: 2026-W36 to 2026-W48)");
    }

    @Test
    void channel_and_team_together_are_refused(@TempDir Path dir) {
        assertThat(run("--data-dir", dir.toString(), "--channel", "chat", "--team", "A")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("choose a channel or a team, not both");
    }

    @Test
    void an_empty_store_says_to_run_analyze(@TempDir Path dir) {
        String url = "jdbc:h2:mem:empty-" + java.util.UUID.randomUUID();
        try (Store store = Store.openMigrated(url)) {
            assertThat(run("--config", config(dir, url).toString())).isEqualTo(Cli.FAILED);
        }
        assertThat(err.toString()).contains("run ./cskpi analyze first");
    }

    @Test
    void a_missing_store_is_reported_and_not_created(@TempDir Path dir) {
        Path dataDir = dir.resolve("nothing-here");

        assertThat(run("--data-dir", dataDir.toString())).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("cannot read the KPI store at").contains("run ./cskpi analyze first");
        assertThat(dataDir.resolve("cskpi.mv.db")).doesNotExist();
    }
}
