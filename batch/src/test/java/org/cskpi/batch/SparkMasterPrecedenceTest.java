package org.cskpi.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.cskpi.batch.analyze.AnalyzeCommand;
import org.cskpi.batch.ingest.IngestCommand;
import org.cskpi.cli.Cli;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.Sessions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --master} means the same on every Spark command (docs/configuration.md#precedence):
 * the flag wins over spark-submit's master, which wins over the config file's spark.master.
 * Checked on the settings a session would get; none is started.
 */
class SparkMasterPrecedenceTest {

    private static final String SUBMITTED = "spark://submitted:7077";

    @TempDir
    Path dir;

    /** A Spark command's config after parsing these arguments. */
    interface Parsed extends Function<String[], CskpiConfig> {
    }

    static Stream<Arguments> sparkCommands() {
        Parsed ingest = args -> parse(new IngestCommand(), args, "--source", "csv", "--input", "x.csv").config();
        Parsed analyze = args -> parse(new AnalyzeCommand(), args).config();
        return Stream.of(Arguments.of("ingest", ingest), Arguments.of("analyze", analyze));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparkCommands")
    void the_flag_wins_over_spark_submit_and_the_config_file(String name, Parsed command) throws IOException {
        CskpiConfig config = command.apply(args("--master", "local[3]"));

        assertThat(masterUnderSparkSubmit(config)).isEqualTo("local[3]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparkCommands")
    void without_the_flag_spark_submit_wins_over_the_config_file(String name, Parsed command) throws IOException {
        CskpiConfig config = command.apply(args());

        assertThat(masterUnderSparkSubmit(config)).isEqualTo(SUBMITTED);
        assertThat(Sessions.conf(config, name, new SparkConf(false)).get("spark.master")).isEqualTo("spark://yaml:7077");
    }

    private String[] args(String... flags) throws IOException {
        Path yaml = Files.writeString(dir.resolve("cskpi.yaml"), "spark:\n  master: spark://yaml:7077\n");
        List<String> args = new ArrayList<>(List.of("--config", yaml.toString(), "--data-dir", dir.toString()));
        args.addAll(List.of(flags));
        return args.toArray(String[]::new);
    }

    private static <T> T parse(T command, String[] args, String... required) {
        List<String> all = new ArrayList<>(List.of(required));
        all.addAll(List.of(args));
        Cli.commandLine(command).parseArgs(all.toArray(String[]::new));
        return command;
    }

    private static String masterUnderSparkSubmit(CskpiConfig config) {
        return Sessions.conf(config, "test", new SparkConf(false).setMaster(SUBMITTED)).get("spark.master");
    }
}
