package org.cskpi.batch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cskpi.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cskpi generate} on the command line: exit codes, messages and files. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writes_the_chosen_format_and_a_summary() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = run(new StringWriter(), "--tickets", "300", "--weeks", "1", "--seed", "9", "--end", "2026-11-22",
                    "--format", "csv", "--out", dir.resolve("out").toString(), "--data-dir", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/csv/tickets.csv"))).hasSizeGreaterThan(300);
        assertThat(dir.resolve("out/zendesk")).doesNotExist();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Generated 300 tickets from ");
    }

    @Test
    void an_unknown_format_is_a_bad_argument() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--format", "xml", "--out", dir.toString())).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--format").contains("xml");
    }

    @Test
    void a_bad_time_zone_or_share_is_a_bad_argument_named_in_the_message() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--timezone", "Mars/Olympus", "--out", dir.toString())).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).startsWith("cskpi: --timezone: 'Mars/Olympus' is not a time zone id such as "
                + "Europe/Oslo" + System.lineSeparator());
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--responses-share", "1.5", "--out", dir.toString())).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err2.toString()).contains("--responses-share must be between 0 and 1, got 1.5");
    }

    private int run(StringWriter err, String... args) {
        CommandLine cli = Cli.commandLine(new GenerateCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
