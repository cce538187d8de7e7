package org.cskpi.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cskpi.cli.UserError;

/**
 * The SQL service as a child of {@code cskpi serve} ({@code sql_server.autostart}): the
 * launcher's {@code ./cskpi sql-server} with the same config and data directory, in a JVM of its
 * own on the batch classpath, its output in {@code DATA_DIR/logs/sql-server.log}. It is stopped
 * with the web app. If it dies, the web app goes on and /query says the service is down.
 * It runs at a lower CPU priority than the web app ({@link #NICE}).
 */
final class SqlServerChild implements AutoCloseable {

    /**
     * Analysts' queries yield the CPU to the survey and the pages: where the system has
     * {@code nice}, the service runs 10 steps below the web app's priority.
     */
    private static final Optional<Path> NICE = Optional.of(Path.of("/usr/bin/nice")).filter(Files::isExecutable);

    private final Process process;

    private SqlServerChild(Process process) {
        this.process = process;
    }

    /** Starts {@code HOME/cskpi sql-server}; {@code home} is the launcher's directory ({@code cskpi.home}). */
    static SqlServerChild start(Path home, Optional<Path> configFile, Path dataDir) {
        Path launcher = home.resolve("cskpi");
        if (!Files.isExecutable(launcher)) {
            throw new UserError("sql_server.autostart: " + launcher + " is not the cskpi launcher; "
                    + "start the web app with ./cskpi serve, or the service yourself with ./cskpi sql-server");
        }
        List<String> command = new ArrayList<>(NICE.map(nice -> List.of(nice.toString(), "-n", "10")).orElse(List.of()));
        command.addAll(List.of(launcher.toString(), "sql-server", "--data-dir", dataDir.toString()));
        configFile.ifPresent(file -> command.addAll(List.of("--config", file.toAbsolutePath().toString())));
        try {
            Path logs = Files.createDirectories(dataDir.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve("sql-server.log").toFile());
            // The jars are built: the web app runs on them.
            builder.environment().put("CSKPI_NO_BUILD", "1");
            return new SqlServerChild(builder.start());
        } catch (IOException e) {
            throw new UserError("sql_server.autostart: cannot start " + launcher + " sql-server: " + e.getMessage(), e);
        }
    }

    /** Waits for the child to end (tests: a launcher that stops by itself). */
    boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
