package org.cskpi.analytics.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigHashTest {

    @TempDir
    Path dir;

    private String hash(String yaml) throws IOException {
        Path file = dir.resolve("cskpi.yaml");
        Files.writeString(file, yaml);
        return ConfigHash.of(CskpiConfig.load(Optional.of(file), dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "business:\n  timezone: Europe/Oslo\n",
        "business:\n  hours:\n    mon: \"08:00-16:00\"\n",
        "business:\n  holidays: [2026-12-25]\n",
        "targets:\n  frt_seconds:\n    chat: 120\n",
        "repeat_contact:\n  window_days: 14\n",
    })
    void every_kpi_setting_changes_the_hash(String yaml) throws IOException {
        assertThat(hash(yaml)).isNotEqualTo(hash("web:\n  port: 7070\n")).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web:\n  port: 8081\n", "survey:\n  brand: Acme\n", "spark:\n  shuffle_partitions: 8\n"})
    void settings_no_kpi_depends_on_leave_it(String yaml) throws IOException {
        assertThat(hash(yaml)).isEqualTo(hash("web:\n  port: 7070\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"business:\n  holidays: [2026-12-25, 2026-12-24]\n"})
    void the_order_of_holidays_does_not_matter(String yaml) throws IOException {
        assertThat(hash(yaml)).isEqualTo(hash("business:\n  holidays: [2026-12-24, 2026-12-25]\n"));
    }
}
