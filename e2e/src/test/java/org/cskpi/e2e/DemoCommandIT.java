package org.cskpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/demo} as a newcomer does (through {@code ./cskpi demo}), on the jars this build
 * just packaged ({@code CSKPI_NO_BUILD=1}), with a small ticket count in a temporary data
 * directory. The two full runs share one directory: the second proves a re-run starts fresh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCommandIT {

    private static final Path ROOT = Path.of(System.getProperty("cskpi.root", "..")).toAbsolutePath().normalize();
    private static final Pattern SURVEY_LINK = Pattern.compile("Sample survey link: +(http://\\S+/s/\\S+)");
    private static final Pattern SURVEY_MAIL = Pattern.compile("Survey e-mail: +(/\\S+\\.eml)");
    private static final Pattern REPORT_MAIL = Pattern.compile("Report e-mail: +(/\\S+\\.eml)");
    private static final Pattern MANAGER = Pattern.compile("log in as demo-manager, password (\\S+)");
    private static final int TICKETS = 1500;

    @TempDir
    static Path temp;

    @Test
    @Order(1)
    void demo_without_serve_runs_every_step_and_writes_a_report_with_charts() throws Exception {
        Path data = temp.resolve("data");
        // As an earlier version left its demo directory: open to group and others.
        Files.createDirectories(data.resolve("logs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve(".cskpi-demo"), "");
        Files.writeString(data.resolve("logs/01-generate.log"), "old\n");
        Run run = run(List.of("--no-serve", "--tickets", String.valueOf(TICKETS), "--data-dir", data.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        for (String step : List.of("[1/4] generate", "[2/4] drop the csv export in the inbox",
                "[3/4] the weekly job (./cskpi run):", "[1/6] ingest new exports", "[2/6] import new NPS answers",
                "[3/6] compute the KPIs", "[4/6] render the weekly report", "[5/6] send new survey invitations",
                "[6/6] e-mail the report", "[4/4] add the demo logins")) {
            assertThat(run.output()).contains(step);
        }
        assertThat(run.output()).contains("Generated 1,500 tickets").contains("cskpi demo ready after");

        List<Path> reports;
        try (Stream<Path> files = Files.list(data.resolve("reports"))) {
            reports = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(reports).hasSize(1);
        String html = Files.readString(reports.get(0));
        // Every chart is a container plus its ECharts option; ECharts itself is inlined (no CDN).
        int charts = count(html, "<figure class=\"chart-card\">");
        assertThat(charts).isGreaterThanOrEqualTo(10);
        assertThat(count(html, "<script type=\"application/json\"")).isGreaterThanOrEqualTo(charts);
        assertThat(count(html, "\"series\"")).isGreaterThanOrEqualTo(charts);
        assertThat(html).contains("echarts").doesNotContain("cdn.jsdelivr").doesNotContain("<script src=\"http");
        assertThat(html).contains("Nordlys Outdoor");

        String link = match(SURVEY_LINK, run.output());
        DemoMails.Survey survey = DemoMails.survey(Path.of(match(SURVEY_MAIL, run.output())));
        assertThat(survey.scoreLinks()).hasSize(11).allSatisfy(l -> assertThat(l).startsWith(link + "?score="));
        assertThat(survey.html()).contains("Nordlys Outdoor");
        assertThat(survey.text()).contains(link);
        assertThat(survey.listUnsubscribe()).contains("/u/");
        DemoMails.Report report = DemoMails.report(Path.of(match(REPORT_MAIL, run.output())));
        assertThat(report.subject()).startsWith("Customer service, week " + weekOf(reports.get(0)));
        assertThat(report.to()).contains("demo-manager@nordlys.example");
        assertThat(report.attachmentName()).isEqualTo(reports.get(0).getFileName().toString());
        assertThat(report.attachment()).isEqualTo(Files.readAllBytes(reports.get(0)));
        assertThat(report.text()).isNotBlank();
        String password = match(MANAGER, run.output());
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.readString(data.resolve("demo-logins.txt"))).contains("demo-manager " + password);
        assertThat(Files.getPosixFilePermissions(data.resolve("demo-logins.txt")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String config = Files.readString(data.resolve("cskpi.yaml"));
        assertThat(config).contains("timezone: Europe/Oslo").containsPattern("customer_key: [A-Za-z0-9_-]{40,}")
                .containsPattern("api_key: [A-Za-z0-9_-]{30,}");
        assertThat(filesOpenToOthers(data)).as("no file or directory readable by group or others").isEmpty();
    }

    @Test
    @Order(2)
    void rerun_starts_fresh_keeps_the_config_and_serves_health_and_the_survey() throws Exception {
        Path data = temp.resolve("data");
        String config = Files.readString(data.resolve("cskpi.yaml"));
        List<Path> firstMails = mails(data);
        int port = freePort();
        Process process = start(List.of("--tickets", String.valueOf(TICKETS), "--data-dir", data.toString(),
                "--port", String.valueOf(port)));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = drain(process, lines);
        try {
            waitForLine(process, lines, "cskpi demo ready after", Duration.ofMinutes(25));
            String output = String.join("\n", lines);
            assertThat(output).contains("config kept").contains("[5/5] start the web app");

            Page health;
            try {
                health = get("http://127.0.0.1:" + port + "/health");
            } catch (IOException e) {
                throw new AssertionError("GET /health: " + e + "\n" + output + "\nserve log:\n"
                        + Files.readString(data.resolve("logs/05-serve.log")), e);
            }
            assertThat(health.status()).isEqualTo(200);
            Page survey = get(match(SURVEY_LINK, output).replace("//localhost:", "//127.0.0.1:"));
            assertThat(survey.status()).isEqualTo(200);
            assertThat(survey.body()).contains("Nordlys Outdoor");

            // The demo's analyst asks /query (on the SQL service serve started) how many tickets there are.
            DemoQueryPage query = DemoQueryPage.signIn(port, data);
            DemoQueryPage.Answer count = query.run("select count(*) from tickets", Duration.ofMinutes(3));
            assertThat(count.status()).as(count.error() + "\nserve log:\n" + Files.readString(data.resolve("logs/05-serve.log")))
                    .isEqualTo(200);
            assertThat(count.page()).containsPattern("<td[^>]*>" + TICKETS + "</td>");
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("demo ended on SIGTERM").isTrue();
            reader.join(10_000);
        }
        // Fresh start: the same config, a new outbox (the first run's e-mails are gone), and every
        // answer imported again into an emptied store (none skipped as a duplicate).
        assertThat(Files.readString(data.resolve("cskpi.yaml"))).isEqualTo(config
                .replace("base_url: http://localhost:7070", "base_url: http://localhost:" + port)
                .replace("port: 7070", "port: " + port));
        assertThat(mails(data)).isNotEmpty().doesNotContainAnyElementsOf(firstMails);
        assertThat(Files.readString(data.resolve("logs/03-run.log"))).contains("duplicates skipped 0");
        assertThat(portAnswers(port)).as("the web app stopped with the demo").isFalse();
    }

    @Test
    @Order(3)
    void refuses_a_data_dir_it_did_not_make_and_deletes_nothing() throws Exception {
        Path data = Files.createDirectories(temp.resolve("precious"));
        Files.writeString(data.resolve("tickets.csv"), "ticket_id,created_at\n");

        Run run = run(List.of("--no-serve", "--data-dir", data.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("did not make").contains("--data-dir");
        assertThat(data.resolve("tickets.csv")).hasContent("ticket_id,created_at");
    }

    @Test
    @Order(4)
    void a_failing_step_is_named_with_its_log() throws Exception {
        Path data = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(data.resolve(".cskpi-demo"), "");
        Files.writeString(data.resolve("cskpi.yaml"), "survey:\n  brand: x\nbogus_key: 1\n");

        Run run = run(List.of("--no-serve", "--tickets", "100", "--data-dir", data.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        Path log = data.resolve("logs/01-generate.log");
        assertThat(run.output()).contains("[1/4] generate").contains("FAILED")
                .contains("step 'generate' failed").contains("full log: " + log);
        assertThat(Files.readString(log)).contains("bogus_key");
    }

    @Test
    @Order(5)
    void bad_options_exit_2_with_one_line() throws Exception {
        assertThat(run(List.of("--tickets", "ten")).exitCode()).isEqualTo(2);
        Run unknown = run(List.of("--frobnicate"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option '--frobnicate'");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> args) throws Exception {
        Process process = start(args);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = drain(process, lines);
        boolean ended = process.waitFor(25, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        reader.join(10_000);
        String output = String.join("\n", lines);
        assertThat(ended).as("demo ended in time:\n" + output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cskpi").toString(), "demo"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().put("CSKPI_NO_BUILD", "1");
        builder.environment().put("CSKPI_JAVA_OPTS", "-Xmx1g");
        builder.environment().remove("CSKPI_DEBUG");
        return builder.start();
    }

    private static Thread drain(Process process, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading the demo's output failed: " + e + ")");
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void waitForLine(Process process, List<String> lines, String text, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.stream().anyMatch(line -> line.contains(text))) {
                    return;
                }
            }
            assertThat(process.isAlive()).as("demo still running:\n" + String.join("\n", lines)).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + text + "' within " + limit + ":\n" + String.join("\n", lines));
    }

    private record Page(int status, String body) {
    }

    private static Page get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        try {
            int status = connection.getResponseCode();
            try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Page(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            connection.disconnect();
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern + " in:\n" + text).isTrue();
        return m.group(1);
    }

    private static List<String> filesOpenToOthers(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(path -> {
                try {
                    return path + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(line -> !line.endsWith("------")).toList();
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portAnswers(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> mails(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** The ISO week of a report file named like 2026-W47.html. */
    private static String weekOf(Path report) {
        return report.getFileName().toString().replace(".html", "");
    }
}
