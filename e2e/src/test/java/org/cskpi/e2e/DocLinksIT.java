package org.cskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every documentation citation ({@code docs/} file and anchor) cited in code and every relative Markdown link resolves, so
 * a reader can follow a citation (issue 18). The rules live in {@code .ci/check-doc-links}; this
 * runs it as part of the README's test command.
 */
class DocLinksIT {

    @Test
    void every_documentation_link_resolves() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("cskpi.root")).toAbsolutePath().normalize();
        Process check = new ProcessBuilder("bash", root.resolve(".ci/check-doc-links").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(2, TimeUnit.MINUTES)).as("check-doc-links finished").isTrue();

        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("documentation links resolve");
    }
}
