package org.cskpi.batch.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.cskpi.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cskpi analyze}'s arguments: exit codes and messages, before any Spark starts. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void full_with_a_week_range_is_a_bad_argument() {
        StringWriter err = new StringWriter();

        int exit = run(err, "--full", "--from", "2026-W40", "--data-dir", dir.toString());

        assertThat(exit).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--full recomputes every week; it cannot be combined with --from/--to");
    }

    @Test
    void the_help_explains_full_and_the_incremental_default() {
        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine(new AnalyzeCommand());
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--full Recompute every week, not only the weeks that changed since the last analyze.")
                .contains("only the weeks that changed since the last analyze are recomputed");
    }

    private int run(StringWriter err, String... args) {
        CommandLine cli = Cli.commandLine(new AnalyzeCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
