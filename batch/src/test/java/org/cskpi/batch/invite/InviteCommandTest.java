package org.cskpi.batch.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cskpi.cli.Cli;
import org.cskpi.cli.RootCommand;
import org.cskpi.cli.Subcommands.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InviteCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cli = RootCommand.of(Side.BATCH);
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void refuses_to_overwrite_an_existing_csv_before_any_work(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("links.csv"), "x");
        StringWriter err = new StringWriter();

        int exit = run(err, "invite", "--data-dir", dir.toString(), "--out", out.toString());

        assertThat(exit).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("links.csv: already exists");
    }

    @Test
    void a_bad_date_is_a_usage_error_naming_the_option(@TempDir Path dir) {
        StringWriter err = new StringWriter();

        int exit = run(err, "invite", "--data-dir", dir.toString(), "--resolved-since", "2026-13-01");

        assertThat(exit).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--resolved-since");
    }

    @Test
    void send_needs_survey_send_on_before_any_work(@TempDir Path dir) {
        StringWriter err = new StringWriter();

        int exit = run(err, "invite", "--send", "--data-dir", dir.toString());

        assertThat(exit).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("invite --send: survey.send is not true in the config")
                .doesNotContain("Exception");
        assertThat(dir.resolve("cskpi.mv.db")).doesNotExist();
    }

    @Test
    void send_writes_no_csv_so_out_is_refused(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("cskpi.yaml"), """
                survey:
                  send: true
                mail:
                  from: survey@nordlys.example
                  outbox_dir: outbox
                """);
        StringWriter err = new StringWriter();

        int exit = run(err, "invite", "--send", "--out", dir.resolve("x.csv").toString(), "--config", config.toString(),
                "--data-dir", dir.toString());

        assertThat(exit).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("--out: invite --send e-mails the links and writes no CSV");
    }
}
