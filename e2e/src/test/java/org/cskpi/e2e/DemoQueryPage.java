package org.cskpi.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The running demo's /query page as its analyst uses it: sign in as demo-analyst with the
 * password from {@code demo-logins.txt}, then post SQL as the page's form does.
 */
final class DemoQueryPage {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("<p class=\"error\" role=\"alert\">([^<]*)</p>");

    /** One answer of /query: the status and the page. */
    record Answer(int status, String page) {

        /** The page's one-line error, or "". */
        String error() {
            Matcher m = ERROR.matcher(page);
            return m.find() ? m.group(1) : "";
        }
    }

    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(30)).build();
    private String csrf;

    private DemoQueryPage(String origin) {
        this.origin = origin;
    }

    /** Signed in as demo-analyst on the demo at {@code port}, whose logins are in {@code dataDir}. */
    static DemoQueryPage signIn(int port, Path dataDir) throws IOException, InterruptedException {
        DemoQueryPage page = new DemoQueryPage("http://127.0.0.1:" + port);
        String password = Files.readAllLines(dataDir.resolve("demo-logins.txt")).stream()
                .filter(line -> line.startsWith("demo-analyst ")).map(line -> line.substring("demo-analyst ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no demo-analyst in demo-logins.txt"));
        String loginToken = csrfIn(page.get("/login").body());
        HttpResponse<String> login = page.post("/login", Map.of("csrf", loginToken, "username", "demo-analyst",
                "password", password, "next", "/query"));
        if (login.statusCode() != 303) {
            throw new AssertionError("signing in as demo-analyst: " + login.statusCode() + "\n" + login.body());
        }
        page.csrf = csrfIn(page.get("/query").body());
        return page;
    }

    /** Runs {@code sql}; while the SQL service is still starting (the page says it is not running), asks again. */
    Answer run(String sql, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> response = post("/query", Map.of("csrf", csrf, "sql", sql));
            Answer answer = new Answer(response.statusCode(), response.body());
            if (!answer.error().contains("is not running") || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(2_000);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        // csrf first, as the page's forms send it
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("csrf", fields.get("csrf"));
        ordered.putAll(fields);
        String body = ordered.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in:\n" + html);
        }
        return m.group(1);
    }
}
