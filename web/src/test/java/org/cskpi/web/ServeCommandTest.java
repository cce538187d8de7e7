package org.cskpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.cskpi.cli.Cli;
import org.cskpi.cli.RootCommand;
import org.cskpi.cli.Subcommands.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code ./cskpi serve} as an operator runs it: its own JVM, a port and a data dir from the
 * command line, stopped with SIGTERM; and its answer to bad option values.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void serve_listens_on_the_given_port_with_its_store_in_the_data_dir_and_stops_on_sigterm() throws Exception {
        int port = freePort();
        Path dataDir = dir.resolve("data");
        Process server = new ProcessBuilder(javaCommand(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                WebCli.class.getName(), "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        try {
            HttpResponse<String> health = awaitHealth(server, port);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"store\":\"reachable\"");
            assertThat(dataDir.resolve("cskpi.mv.db")).isRegularFile();
        } finally {
            server.destroy();
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(Files.readString(dir.resolve("server.log"))).contains("GET /health 200");
    }

    /** With the timeout, a bad port that got through would fail the test instead of serving forever. */
    @Timeout(60)
    @ParameterizedTest
    @CsvSource({
        "abc,   is not an int",
        "0,     '--port must be between 1 and 65535, got 0'",
        "70000, '--port must be between 1 and 65535, got 70000'"})
    void a_bad_port_is_a_bad_argument_with_exit_code_2(String port, String message) {
        CommandLine cli = RootCommand.of(Side.WEB);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("serve", "--port", port, "--data-dir", dir.resolve("data").toString());

        assertThat(code).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains(message).contains("Try 'cskpi serve --help'.");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private HttpResponse<String> awaitHealth(Process server, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server exited early; output:%n%s", log()).isTrue();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYetListening) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no answer on /health within 90 s; output:\n" + log());
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
