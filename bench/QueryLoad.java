// Bench client for /query (docs/benchmarks.md, "SQL service (issue 15)"), not part of the
// product: analysts signed in to a running `cskpi serve`, each sending one query through the
// page in a loop, as the browser does (POST /query with the page's CSRF token).
//
//   java bench/QueryLoad.java BASE_URL RUNS SQL USER:PASSWORD
//     one analyst runs SQL RUNS times after 5 unmeasured warm-up runs; prints p50/p95/max
//   java bench/QueryLoad.java BASE_URL SECONDS SQL USER:PASSWORD [USER:PASSWORD ...] --for
//     every analyst loops SQL for SECONDS (no warm-up); prints p50/p95/max over all answers
//
// A query that fails (the page answers 400) counts as an error and its message is printed once;
// a runaway query stopped at the service's time limit is such an error.
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public final class QueryLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("<p class=\"error\" role=\"alert\">([^<]*)</p>");

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean timed = rest.remove("--for");
        String base = rest.get(0);
        int knob = Integer.parseInt(rest.get(1));
        String sql = rest.get(2);
        List<String> logins = rest.subList(3, rest.size());
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        Map<String, Boolean> errors = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(knob).toNanos();
        List<Thread> analysts = new ArrayList<>();
        for (String login : logins) {
            Analyst analyst = Analyst.signIn(base, login);
            Thread thread = new Thread(() -> {
                if (!timed) {
                    for (int i = 0; i < 5; i++) {
                        analyst.query(sql);
                    }
                }
                for (int i = 0; timed ? System.nanoTime() < deadline : i < knob; i++) {
                    long started = System.nanoTime();
                    String error = analyst.query(sql);
                    if (error == null) {
                        millis.add((System.nanoTime() - started) / 1_000_000);
                    } else {
                        failed.incrementAndGet();
                        errors.putIfAbsent(error, true);
                    }
                }
            });
            thread.start();
            analysts.add(thread);
        }
        for (Thread analyst : analysts) {
            analyst.join();
        }
        report(millis, failed.get(), errors.keySet());
    }

    private static void report(List<Long> millis, long failed, Iterable<String> errors) {
        List<Long> sorted = millis.stream().sorted().toList();
        if (sorted.isEmpty()) {
            System.out.println("answers=0 errors=" + failed);
        } else {
            System.out.printf("answers=%d errors=%d p50=%d ms p95=%d ms max=%d ms%n", sorted.size(), failed,
                    percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
        }
        errors.forEach(error -> System.out.println("  error: " + error));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** One signed-in analyst: a cookie jar and the CSRF token of their session. */
    private record Analyst(HttpClient http, String base, String csrf) {

        static Analyst signIn(String base, String login) throws Exception {
            String[] userAndPassword = login.split(":", 2);
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
            String loginCsrf = csrfIn(get(http, base + "/login"));
            post(http, base + "/login", Map.of("csrf", loginCsrf, "username", userAndPassword[0],
                    "password", userAndPassword[1], "next", "/query"));
            String page = get(http, base + "/query");
            return new Analyst(http, base, csrfIn(page));
        }

        /** Runs {@code sql}; null when the page shows a result, else its error line. */
        String query(String sql) {
            try {
                HttpResponse<String> response = post(http, base + "/query", Map.of("csrf", csrf, "sql", sql));
                if (response.statusCode() == 200) {
                    return null;
                }
                Matcher error = ERROR.matcher(response.body());
                return response.statusCode() + " " + (error.find() ? error.group(1) : "");
            } catch (Exception e) {
                return e.toString();
            }
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page (not signed in?)");
        }
        return m.group(1);
    }
}
