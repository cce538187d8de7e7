package org.cskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archives, one per JVM side: the first training command of
 * a side after a build records it, later ones load classes from it, a rebuild makes it stale,
 * and none of it shows in a command's output.
 */
class ClassDataSharingIT {

    private static final Path ROOT = Path.of(System.getProperty("cskpi.root", "..")).toAbsolutePath().normalize();
    private static final Path ARCHIVE = ROOT.resolve("batch/target/launch/batch.jsa");
    private static final Path WEB_ARCHIVE = ROOT.resolve("web/target/launch/web.jsa");
    private static final String RESULT = "1\n-\n1\n(1 row)\n";

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout) {
    }

    @Test
    void the_first_spark_command_records_the_archive_and_the_next_loads_classes_from_it() throws Exception {
        Files.deleteIfExists(ARCHIVE);

        Run recording = sql(Map.of());

        assertThat(recording.exitCode()).isZero();
        assertThat(recording.stdout()).isEqualTo(RESULT);
        assertThat(ARCHIVE).isNotEmptyFile();

        Path classLoading = dir.resolve("class-load.log");
        Run shared = sql(Map.of("CSKPI_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLoading));

        assertThat(shared.stdout()).isEqualTo(RESULT);
        assertThat(Files.readString(classLoading)).contains("org.apache.spark.sql.SparkSession source: shared objects file");
    }

    @Test
    void a_rebuilt_class_path_makes_the_next_spark_command_record_it_again() throws Exception {
        assertThat(sql(Map.of()).exitCode()).isZero();
        FileTime recorded = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(ARCHIVE, recorded);
        Files.setLastModifiedTime(ROOT.resolve("batch/target/launch/classpath"), FileTime.from(Instant.now()));

        Run again = sql(Map.of());

        assertThat(again.stdout()).isEqualTo(RESULT);
        assertThat(Files.getLastModifiedTime(ARCHIVE)).isGreaterThan(recorded);
    }

    @Test
    void help_and_commands_without_spark_record_nothing() throws Exception {
        Files.deleteIfExists(ARCHIVE);

        assertThat(launch(List.of("sql", "--help"), Map.of()).exitCode()).isZero();

        assertThat(ARCHIVE).doesNotExist();
    }

    @Test
    void the_web_side_has_an_archive_of_its_own_recorded_by_a_user_command() throws Exception {
        Files.deleteIfExists(WEB_ARCHIVE);
        List<String> users = List.of("user", "list", "--data-dir", dir.resolve("data").toString());

        Run recording = launch(users, Map.of());

        assertThat(recording.exitCode()).isZero();
        assertThat(recording.stdout()).startsWith("No users yet");
        assertThat(WEB_ARCHIVE).isNotEmptyFile();

        Path classLoading = dir.resolve("web-class-load.log");
        Run shared = launch(users, Map.of("CSKPI_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLoading));

        assertThat(shared.stdout()).isEqualTo(recording.stdout());
        assertThat(Files.readString(classLoading)).contains("org.cskpi.web.WebCli source: shared objects file");
    }

    private Run sql(Map<String, String> env) throws Exception {
        return launch(List.of("sql", "--data-dir", dir.resolve("data").toString(), "select 1"), env);
    }

    private Run launch(List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cskpi").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().put("CSKPI_NO_BUILD", "1");
        builder.environment().remove("CSKPI_CDS");
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(stdout, StandardCharsets.UTF_8));
    }
}
