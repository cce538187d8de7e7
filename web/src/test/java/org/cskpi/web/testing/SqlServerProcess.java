package org.cskpi.web.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cskpi.config.CskpiConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real {@code cskpi sql-server}, started once for the web tests in a JVM of its own on the
 * batch module's classpath (which the reactor builds before this module: the web JVM holds
 * only the Connect client), over an empty data directory, with a 3 s time limit. Tests take it
 * as a parameter ({@code @ExtendWith(SqlServerProcess.class)}); it stops when the tests end.
 */
public final class SqlServerProcess implements ParameterResolver {

    public static final String TOKEN = "web-test-token-0123456789";
    public static final int TIMEOUT_SECONDS = 3;
    private static final Path BATCH = Path.of("..", "batch", "target").toAbsolutePath().normalize();

    /** The settings the web app uses to reach it. */
    public record Running(CskpiConfig.SqlServer settings) {
    }

    private static final class Handle implements ExtensionContext.Store.CloseableResource {
        private final Process process;
        private final Running running;

        Handle(Process process, Running running) {
            this.process = process;
            this.running = running;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SqlServerProcess.class))
                .getOrComputeIfAbsent(Handle.class, key -> start(), Handle.class).running;
    }

    /**
     * Starts the service, on another port if the chosen one was taken before the service bound
     * it: between the port check and the bind, any process (this service's own Spark driver
     * among them) may take it.
     */
    private static Handle start() {
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce();
            } catch (PortTaken e) {
                failed = e;
            }
        }
        throw failed;
    }

    private static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static Handle startOnce() {
        try {
            Path dir = Files.createTempDirectory("cskpi-sql-server");
            int port = freePort();
            Path config = dir.resolve("cskpi.yaml");
            Files.writeString(config, "sql_server:\n  port: " + port + "\n  token: " + TOKEN
                    + "\n  query_timeout_seconds: " + TIMEOUT_SECONDS + "\n  max_rows: 100000\n");
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(Arrays.asList(Files.readString(BATCH.resolve("launch/jvm.options")).trim().split("\\s+")));
            command.addAll(List.of("-Xmx1g", "-cp", BATCH.resolve("classes") + ":" + Files.readString(
                            BATCH.resolve("launch/classpath")).trim(),
                    "org.cskpi.batch.BatchCli", "sql-server", "--config", config.toString(), "--data-dir", dir.toString()));
            Path log = dir.resolve("sql-server.log");
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            try {
                awaitListening(process, dir);
            } catch (IllegalStateException e) {
                if (Files.readString(log).contains("Failed to bind to address")) {
                    throw new PortTaken("port " + port + " was taken before the SQL service bound it; see " + log);
                }
                throw e;
            }
            return new Handle(process, new Running(new CskpiConfig.SqlServer("127.0.0.1", port, Optional.of(TOKEN),
                    false, TIMEOUT_SECONDS, 100_000)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SQL service for the web tests (is the batch module built?)", e);
        }
    }

    private static void awaitListening(Process process, Path dir) {
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("sql-server: listening on")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!listening.get(180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the SQL service stopped before listening; see " + dir.resolve("sql-server.log"));
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the SQL service did not start; see " + dir.resolve("sql-server.log"), e);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up), where the random ports of
     * outgoing connections and of Spark's own services are not handed out.
     */
    private static int freePort() throws IOException {
        Random random = new Random();
        for (int tries = 0; tries < 100; tries++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found in 20000-31999");
    }
}
