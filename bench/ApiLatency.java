// Web API latency: p50/p95/p99 of GET /api/kpis on a KPI store holding 12 weeks of realistic
// kpi_weekly rows. Run from the repository root after `mvn -B -pl web -am package -DskipTests`:
//
//   java -cp "web/target/cskpi-web-0.1.0-SNAPSHOT.jar:$(cat web/target/launch/classpath)" \
//        bench/ApiLatency.java [requests] [--serve PORT]
//
// With --serve it skips the measurement and keeps the app running (login analyst1 / admin1,
// password "correct horse battery") for screenshots of /login.
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cskpi.store.Store;
import org.cskpi.web.api.ApiDeps;
import org.cskpi.web.api.ApiFeature;
import org.cskpi.web.api.ApiKey;
import org.cskpi.web.api.KpiQueries;
import org.cskpi.web.auth.AuthDeps;
import org.cskpi.web.auth.AuthFeature;
import org.cskpi.web.auth.LoginThrottle;
import org.cskpi.web.auth.PasswordHasher;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.page.Assets;
import org.cskpi.web.page.Pages;
import org.jooq.DSLContext;

public class ApiLatency {

    static final String KEY = "bench-key-0123456789";
    static final List<String> TICKET_KPIS = List.of("volume", "frt_median_s", "frt_p90_s", "frt_mean_s",
            "frt_business_median_s", "frt_business_p90_s", "frt_within_target_rate", "unanswered",
            "resolution_time_median_s", "resolution_time_p90_s", "resolution_time_mean_s",
            "resolution_time_business_median_s", "full_resolution_time_median_s", "resolution_rate",
            "resolution_rate_7d", "one_touch_rate", "reopen_rate", "repeat_contact_rate", "repeat_customer_rate",
            "backlog", "after_hours_share");
    static final List<String> NPS_KPIS = List.of("nps", "nps_responses", "nps_promoters", "nps_passives",
            "nps_detractors", "nps_margin_of_error", "nps_response_rate");

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 2_000;
        int servePort = Arrays.asList(args).contains("--serve")
                ? Integer.parseInt(args[Arrays.asList(args).indexOf("--serve") + 1]) : -1;
        Path dir = Files.createTempDirectory("cskpi-bench");
        try (Store store = Store.openMigrated("jdbc:h2:" + dir.resolve("cskpi"))) {
            List<String> weeks = seed(store.dsl());
            UserService users = new UserService(store.dsl(), PasswordHasher.DEFAULT, Clock.systemUTC());
            users.add("analyst1", Role.ANALYST, "correct horse battery");
            users.add("admin1", Role.ADMIN, "correct horse battery");
            Javalin app = Javalin.create(config -> {
                Pages pages = new Pages();
                AuthFeature signIn = new AuthFeature(new AuthDeps(users, new LoginThrottle(10, Clock.systemUTC()), false), pages);
                SessionAuth auth = signIn.auth();
                signIn.register(config);
                new Assets().register(config);
                new ApiFeature(new ApiDeps(new KpiQueries(store.dsl()), new ApiKey(Optional.of(KEY)), auth)).register(config);
                config.routes.after(ctx -> ctx.header("Content-Security-Policy", "default-src 'self'"));
            }).start(Math.max(servePort, 0));
            if (servePort >= 0) {
                System.out.println("serving on http://localhost:" + servePort + "/login");
                Thread.currentThread().join();
            }
            measure(app.port(), weeks, requests);
            app.stop();
        }
    }

    static void measure(int port, List<String> weeks, int requests) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[] breakdowns = {"all", "channel", "category", "team", "agent", "locale", "frt_bucket"};
        Random random = new Random(7);
        long[] nanos = new long[requests];
        long bytes = 0;
        for (int i = -500; i < requests; i++) {   // the first 500 warm up the JIT and are not counted
            String uri = "http://localhost:" + port + "/api/kpis?week=" + weeks.get(random.nextInt(weeks.size()))
                    + "&breakdown=" + breakdowns[random.nextInt(breakdowns.length)];
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header("X-Api-Key", KEY).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            if (i >= 0) {
                nanos[i] = took;
                bytes += response.body().length();
            }
        }
        Arrays.sort(nanos);
        System.out.printf("requests=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms  mean body=%d bytes%n",
                requests, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[requests - 1] / 1e6, bytes / requests);
    }

    static double ms(long[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e6;
    }

    /** 12 ISO weeks x (21 ticket KPIs over all/channel/category/team/agent + 7 NPS KPIs also over locale/frt_bucket). */
    static List<String> seed(DSLContext dsl) {
        Random random = new Random(42);
        List<String> weeks = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 8, 31);
        List<String[]> breakdowns = List.of(
                values("all", "all"), values("channel", "email", "chat", "phone", "social", "web", "other"),
                values("category", numbered("category", 20)), values("team", numbered("team", 6)),
                values("agent", numbered("agent", 40)), values("locale", "en", "de", "fr", "nb", "sv"),
                values("frt_bucket", "≤1m", "1m-1h", "1h-4h", "4h-24h", ">24h", "no_response"));
        long rows = 0;
        for (int w = 0; w < 12; w++) {
            LocalDate day = monday.plusWeeks(w);
            String week = String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(week);
            var insert = dsl.insertInto(org.cskpi.store.jooq.Tables.KPI_WEEKLY).columns(
                    org.cskpi.store.jooq.Tables.KPI_WEEKLY.WEEK, org.cskpi.store.jooq.Tables.KPI_WEEKLY.BREAKDOWN,
                    org.cskpi.store.jooq.Tables.KPI_WEEKLY.BREAKDOWN_VALUE, org.cskpi.store.jooq.Tables.KPI_WEEKLY.KPI,
                    org.cskpi.store.jooq.Tables.KPI_WEEKLY.VALUE, org.cskpi.store.jooq.Tables.KPI_WEEKLY.SAMPLE_SIZE,
                    org.cskpi.store.jooq.Tables.KPI_WEEKLY.SMALL_SAMPLE, org.cskpi.store.jooq.Tables.KPI_WEEKLY.INCOMPLETE);
            for (String[] breakdown : breakdowns) {
                boolean npsOnly = breakdown[0].equals("locale") || breakdown[0].equals("frt_bucket");
                for (int v = 1; v < breakdown.length; v++) {
                    List<String> kpis = new ArrayList<>(NPS_KPIS);
                    if (!npsOnly) {
                        kpis.addAll(TICKET_KPIS);
                    }
                    for (String kpi : kpis) {
                        long sample = 5 + random.nextInt(80_000 / breakdown.length);
                        insert = insert.values(week, breakdown[0], breakdown[v], kpi, random.nextDouble() * 1000,
                                sample, sample < 30, w == 11);
                        rows++;
                    }
                }
            }
            insert.execute();
        }
        System.out.println("seeded " + rows + " kpi_weekly rows over " + weeks.size() + " weeks");
        return weeks;
    }

    static String[] values(String breakdown, String... values) {
        String[] out = new String[values.length + 1];
        out[0] = breakdown;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }

    static String[] numbered(String prefix, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = prefix + "-" + (i + 1);
        }
        return out;
    }
}
