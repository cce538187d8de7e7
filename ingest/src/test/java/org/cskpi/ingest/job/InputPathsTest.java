package org.cskpi.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cskpi.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest {

    @TempDir
    Path dir;

    @Test
    void expands_files_directories_and_globs_in_argument_order() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports/2026"));
        Files.writeString(exports.resolve("b.csv.gz"), "");
        Files.writeString(exports.resolve("a.csv"), "");
        Files.writeString(exports.resolve(".hidden.csv"), "");
        Files.writeString(exports.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve("x1.csv"), "");
        Files.writeString(dir.resolve("x2.csv"), "");
        Files.writeString(dir.resolve("y.json"), "");

        List<String> files = InputPaths.expand(List.of(dir.resolve("x*.csv").toString(), dir.resolve("exports").toString(),
                dir.resolve("x1.csv").toString()), new Configuration()).stream().map(Object::toString).toList();

        assertThat(files).containsExactly(dir.resolve("x1.csv").toString(), dir.resolve("x2.csv").toString(),
                exports.resolve("a.csv").toString(), exports.resolve("b.csv.gz").toString());
    }

    @Test
    void a_path_matching_nothing_is_an_error_naming_it() {
        String missing = dir.resolve("nope-*.csv").toString();
        assertThatThrownBy(() -> InputPaths.expand(List.of(missing), new Configuration()))
                .isInstanceOf(UserError.class).hasMessage(missing + ": no such file or directory");
    }
}
