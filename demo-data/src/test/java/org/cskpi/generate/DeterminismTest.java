package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same settings and seed give byte-identical files; another seed gives other data. */
class DeterminismTest {

    @Test
    void same_seed_gives_byte_identical_files(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(1_500, 2, 42, first, EnumSet.allOf(GeneratorSettings.Format.class)));
        GeneratedFiles.generate(GeneratedFiles.settings(1_500, 2, 42, second, EnumSet.allOf(GeneratorSettings.Format.class)));
        List<Path> files = files(first);
        assertThat(files).hasSizeGreaterThan(8);
        assertThat(files).isEqualTo(files(second));
        for (Path file : files) {
            assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void another_seed_gives_other_tickets(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(500, 1, 1, first, EnumSet.of(GeneratorSettings.Format.CSV)));
        GeneratedFiles.generate(GeneratedFiles.settings(500, 1, 2, second, EnumSet.of(GeneratorSettings.Format.CSV)));
        assertThat(Files.mismatch(first.resolve("csv/tickets.csv"), second.resolve("csv/tickets.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void a_rerun_with_fewer_tickets_leaves_no_stale_zendesk_pages(@TempDir Path out) throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(2_100, 1, 3, out, EnumSet.of(GeneratorSettings.Format.ZENDESK)));
        GeneratedFiles.generate(GeneratedFiles.settings(900, 1, 3, out, EnumSet.of(GeneratorSettings.Format.ZENDESK)));
        try (Stream<Path> files = Files.list(out.resolve("zendesk"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tickets-")))
                    .containsExactly("tickets-00001.json");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
