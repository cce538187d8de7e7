package org.cskpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlServerChildTest {

    @Test
    void the_service_runs_ten_steps_below_the_web_apps_cpu_priority_with_its_output_in_the_log(@TempDir Path home)
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/nice")), "a system with nice");
        // A stand-in launcher: prints its arguments and its niceness, then ends.
        Path launcher = home.resolve("cskpi");
        Files.writeString(launcher, "#!/bin/sh\necho \"args: $*\"\necho \"nice: $(nice)\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path data = home.resolve("data");
        int ours = Integer.parseInt(new String(new ProcessBuilder("nice").start().getInputStream().readAllBytes()).strip());

        try (SqlServerChild child = SqlServerChild.start(home, Optional.of(home.resolve("cskpi.yaml")), data)) {
            assertThat(child.waitFor(30)).isTrue();
        }

        assertThat(Files.readString(data.resolve("logs/sql-server.log"))).isEqualTo(
                "args: sql-server --data-dir " + data + " --config " + home.resolve("cskpi.yaml") + "\n"
                        + "nice: " + Math.min(19, ours + 10) + "\n");
    }
}
