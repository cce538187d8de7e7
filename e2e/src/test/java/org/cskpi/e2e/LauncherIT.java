package org.cskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./cskpi} and its one list of commands, {@code commands.tsv}: the usage text shows every
 * listed command, each answers {@code --help} with its summary from the side it is listed on,
 * and no command class in the sources is left out of the list.
 */
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("cskpi.root", "..")).toAbsolutePath().normalize();
    private static final Path COMMANDS = ROOT.resolve("config/src/main/resources/org/cskpi/cli/commands.tsv");
    private static final Pattern TOP_LEVEL_COMMAND = Pattern.compile("(?m)^@Command\\(");
    /** The {@code cskpi} command itself, whose subcommands are the listed ones. */
    private static final String ROOT_COMMAND = "org.cskpi.cli.RootCommand";

    /** A line of commands.tsv: {@code runs} has one class for every side, or one per side. */
    record Listed(String name, String side, String runs, String summary) {

        String runsOn(String oneSide) {
            List<String> sides = List.of(side.split(","));
            List<String> classes = List.of(runs.split(","));
            return classes.size() == 1 ? classes.get(0) : classes.get(sides.indexOf(oneSide));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Run(int exitCode, String output) {
    }

    static List<Listed> listed() throws IOException {
        return Files.readAllLines(COMMANDS).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(fields -> new Listed(fields[0], fields[1], fields[2], fields[3]))
                .toList();
    }

    @Test
    void the_usage_text_lists_every_command_with_its_summary() throws Exception {
        Run help = run(List.of("--help"));

        assertThat(help.exitCode()).isZero();
        for (Listed command : listed()) {
            assertThat(help.output()).contains(String.format("  %-18s%s%n", command.name(), command.summary()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listed")
    void every_command_answers_help_with_its_summary(Listed command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.name().split(" ")));
        args.add("--help");

        Run help = run(args);

        assertThat(help.exitCode()).as(help.output()).isZero();
        if (command.side().equals("script")) {
            assertThat(help.output()).startsWith("Usage: cskpi " + command.name() + " ");
        } else {
            assertThat(help.output()).startsWith("Usage: cskpi " + command.name() + " ");
            // picocli wraps the description at 80 columns
            assertThat(help.output().replaceAll("\\s+", " ")).contains(" " + command.summary() + ". ");
        }
    }

    /** The class's module is the side's own, or on the side's launch classpath. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("listed")
    void every_command_is_built_into_each_side_it_is_listed_on(Listed command) throws IOException {
        if (command.side().equals("script")) {
            assertThat(ROOT.resolve(command.runs())).isExecutable();
            return;
        }
        for (String side : command.side().split(",")) {
            String module = moduleOf(command.runsOn(side));
            String classpath = Files.readString(ROOT.resolve(side + "/target/launch/classpath"));
            assertThat(module.equals(side) || classpath.contains("/cskpi-" + module + "-"))
                    .as(command.runsOn(side) + " (module " + module + ") on the " + side + " side").isTrue();
        }
    }

    @Test
    void every_command_class_in_the_sources_is_listed() throws IOException {
        List<String> runs = listed().stream().flatMap(listed -> Stream.of(listed.runs().split(","))).toList();
        List<String> commands;
        try (Stream<Path> modules = Files.list(ROOT)) {
            commands = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(LauncherIT::commandClasses)
                    .toList();
        }

        assertThat(commands).contains(ROOT_COMMAND);
        assertThat(runs).containsAll(commands.stream().filter(name -> !name.equals(ROOT_COMMAND)).toList());
    }

    @Test
    void an_unknown_command_is_a_usage_error() throws Exception {
        Run unknown = run(List.of("frobnicate"));

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).isEqualTo("cskpi: unknown command 'frobnicate'. Try './cskpi --help'.\n");
    }

    private static String moduleOf(String className) throws IOException {
        String source = "src/main/java/" + className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.filter(module -> Files.isRegularFile(module.resolve(source)))
                    .map(module -> module.getFileName().toString())
                    .findFirst().orElseThrow(() -> new AssertionError("no module has " + source));
        }
    }

    /** The classes under {@code sources} that are picocli commands of their own (not nested ones). */
    private static Stream<String> commandClasses(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> TOP_LEVEL_COMMAND.matcher(read(file)).find())
                    .map(file -> sources.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .toList().stream();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + sources, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    @Test
    void sql_runs_on_local_spark_when_the_configured_sql_service_does_not_answer_and_keeps_its_stdin(
            @TempDir Path dir) throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        Path config = dir.resolve("cskpi.yaml");
        Files.writeString(config, "sql_server:\n  port: " + nobody + "\n  token: launcher-test-token-0123456789\n");

        Process sql = start(List.of("sql", "--config", config.toString(), "--data-dir", dir.resolve("data").toString(),
                "--format", "csv"));
        try (var stdin = sql.getOutputStream()) {
            stdin.write("select 1 as one;\nselect count(*) as tickets from tickets;\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(sql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sql.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(out).isEqualTo("one\n1\ntickets\n0\n");
        assertThat(sql.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stderr")))
                .startsWith("cskpi: no SQL service at sc://127.0.0.1:" + nobody + "; running on local Spark.\n");
    }

    @Test
    void a_first_side_that_fails_rather_than_declines_is_not_run_again() throws Exception {
        Run bad = run(List.of("sql", "--format", "nope", "select 1"));

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).containsOnlyOnce("Invalid value for option '--format'");
    }

    /** {@code ./cskpi ARGS} with its stdout to read and its stderr in the file {@code stderr} beside its data. */
    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cskpi").toString()));
        command.addAll(args);
        Path data = Path.of(args.get(args.indexOf("--data-dir") + 1));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(data.resolveSibling("stderr").toFile());
        builder.environment().put("CSKPI_NO_BUILD", "1");
        builder.environment().remove("CSKPI_DEBUG");
        return builder.start();
    }

    private static Run run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cskpi").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CSKPI_NO_BUILD", "1");
        builder.environment().remove("CSKPI_DEBUG");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
