package org.cskpi.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.cskpi.cli.Cli;
import org.cskpi.config.CskpiConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Cli.commandLine(new IngestCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void a_wrong_source_is_a_bad_argument_listing_the_formats() {
        int code = run("--source", "jira", "--input", "x.csv", "--data-dir", dir.toString());
        assertThat(code).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).startsWith("cskpi: Invalid value for option '--source': expected one of "
                + "[zendesk, freshdesk, chatwoot, csv]");
    }

    @Test
    void a_mapping_with_a_named_format_is_refused() {
        int code = run("--source", "freshdesk", "--mapping", "m.yaml", "--input", "x.csv", "--data-dir", dir.toString());
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).isEqualTo("cskpi: --mapping applies to --source csv only (freshdesk is read by its own rules)"
                + System.lineSeparator());
    }

    @Test
    void a_bad_source_zone_names_the_option() {
        int code = run("--source", "csv", "--source-tz", "Oslo", "--input", "x.csv", "--data-dir", dir.toString());
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("--source-tz: expected a time zone id such as Europe/Oslo, got \"Oslo\"");
    }

    @Test
    void every_source_name_has_its_reader_and_a_mapping_fits_csv_only() {
        CskpiConfig config = CskpiConfig.defaults(java.nio.file.Path.of("target", "x"));
        for (SourceReaders.Source source : SourceReaders.Source.values()) {
            assertThat(SourceReaders.forSource(source, java.util.Optional.empty(), config).name()).isEqualTo(source.name());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourceReaders.forSource(SourceReaders.Source.zendesk,
                        java.util.Optional.of(java.nio.file.Path.of("m.yaml")), config))
                .hasMessage("--mapping applies to --source csv only (zendesk is read by its own rules)");
    }
}
