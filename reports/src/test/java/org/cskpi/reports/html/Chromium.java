package org.cskpi.reports.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium with the network off: every proxied request goes to a closed port
 * and no host name resolves, so only file:// and loopback URLs load. Console messages are
 * logged to stderr ("CONSOLE" lines), which the tests read.
 */
final class Chromium {

    record Result(String stdout, List<String> console) {
    }

    private final Path binary;
    private final Path workDir;

    Chromium(Path workDir) {
        String configured = System.getenv("CHROMIUM");
        this.binary = Path.of(configured != null ? configured : "/usr/bin/chromium");
        this.workDir = workDir;
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("headless Chromium is needed for this test: apt-get install -y chromium "
                    + "(or set CHROMIUM to its path); not found at " + binary);
        }
    }

    Result dumpDom(String url, int width) throws IOException, InterruptedException {
        return run(url, width, 900, "--dump-dom");
    }

    Result screenshot(String url, int width, int height, Path png) throws IOException, InterruptedException {
        return run(url, width, height, "--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars");
    }

    private Result run(String url, int width, int height, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + workDir.resolve("profile").toAbsolutePath(),
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000",
                "--window-size=" + width + "," + height));
        command.addAll(List.of(extra));
        command.add(url);
        Path out = workDir.resolve("chromium.out");
        Path err = workDir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s: " + command);
        }
        List<String> console = Files.readAllLines(err).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Result(Files.readString(out), console);
    }
}
