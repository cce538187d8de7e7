package org.cskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    /** A line of commands.tsv. */
    record Listed(String name, String side, String runs, String summary) {

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
        String module = moduleOf(command.runs());
        for (String side : command.side().split(",")) {
            String classpath = Files.readString(ROOT.resolve(side + "/target/launch/classpath"));
            assertThat(module.equals(side) || classpath.contains("/cskpi-" + module + "-"))
                    .as(command.runs() + " (module " + module + ") on the " + side + " side").isTrue();
        }
    }

    @Test
    void every_command_class_in_the_sources_is_listed() throws IOException {
        List<String> runs = listed().stream().map(Listed::runs).toList();
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
