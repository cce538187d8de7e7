import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bench load client, not part of the product. Each request uses the next token from the file
 * (so every POST is a first answer that is stored, never a repeat).
 *
 *   LoadClient BASE_URL TOKENS_FILE get|post closed CONCURRENCY SECONDS
 *     closed loop: CONCURRENCY workers send back to back; reports the peak req/s.
 *   LoadClient BASE_URL TOKENS_FILE get|post open RATE SECONDS
 *     open loop at a fixed RATE req/s; latency counts from the INTENDED send time, so a
 *     stalled server is not hidden (no coordinated omission).
 *   An optional 7th argument SERVER_PID adds the server's CPU time (utime + stime from
 *   /proc/PID/stat) per request over the measured run: unlike req/s and latency, this figure
 *   does not depend on how much of the machine other processes take.
 */
public final class LoadClient {

    /** Connections of the open loop: enough that the schedule, not the client, sets the pace. */
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        boolean post = args[2].equals("post");
        boolean open = args[3].equals("open");
        int knob = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        // warm-up (the JIT needs thousands of requests): as long as the measured run, not measured
        run(http, base, tokens, post, next, errors, new ConcurrentLinkedQueue<>(), false, open ? 8 : knob, seconds);
        errors.set(0);
        String serverPid = args.length > 6 ? args[6] : null;
        long cpuBefore = cpuMillis(serverPid);
        long clientCpuBefore = cpuMillis("self");
        long started = System.nanoTime();
        long done = run(http, base, tokens, post, next, errors, all, open, knob, seconds);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long cpuUsed = cpuMillis(serverPid) - cpuBefore;
        long clientCpuUsed = cpuMillis("self") - clientCpuBefore;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        System.out.printf("%s %s %s=%d: %d requests in %.1f s = %.0f req/s, errors %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                post ? "POST /s/{token}" : "GET /s/{token}", open ? "open-loop" : "closed-loop",
                open ? "rate" : "concurrency", knob, done, elapsed, done / elapsed, errors.get(),
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        if (serverPid != null) {
            System.out.printf("  server CPU %.3f ms/request (%d ms over %d requests), this client's %.3f ms/request%n",
                    done == 0 ? 0.0 : (double) cpuUsed / done, cpuUsed, done,
                    done == 0 ? 0.0 : (double) clientCpuUsed / done);
        }
    }

    /** utime + stime of the process in ms; Linux reports them in USER_HZ ticks, which are 10 ms. */
    private static long cpuMillis(String pid) throws java.io.IOException {
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static HttpRequest request(String base, String token, boolean post, int i) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/s/" + token)).timeout(Duration.ofSeconds(10));
        if (post) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("score=" + (i % 11) + "&comment=bench+answer+" + i));
        }
        return b.build();
    }

    private static long run(HttpClient http, String base, List<String> tokens, boolean post, AtomicInteger next,
                            AtomicLong errors, ConcurrentLinkedQueue<long[]> all, boolean open, int knob, int seconds)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong count = new AtomicLong();
        if (open) {
            // A fixed schedule (request k is due at start + k / RATE) served by a fixed set of
            // blocking connections, as wrk2 does: a request sent late because every connection
            // was busy is still timed from when it was due.
            int slots = knob * seconds;
            long[] lat = new long[slots];
            all.add(lat);
            long interval = 1_000_000_000L / knob;
            long start = System.nanoTime();
            AtomicInteger nextSlot = new AtomicInteger();
            Thread[] senders = new Thread[OPEN_LOOP_CONNECTIONS];
            for (int w = 0; w < senders.length; w++) {
                senders[w] = new Thread(() -> {
                    int k;
                    while ((k = nextSlot.getAndIncrement()) < slots) {
                        long intended = start + k * interval;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        int i = next.getAndIncrement();
                        try {
                            HttpResponse<Void> r = http.send(request(base, tokens.get(i % tokens.size()), post, i),
                                    HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() == 200) {
                                lat[k] = System.nanoTime() - intended;
                                count.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                });
                senders[w].start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            return count.get();
        }
        Thread[] workers = new Thread[knob];
        for (int w = 0; w < knob; w++) {
            long[] lat = new long[200_000];
            all.add(lat);
            workers[w] = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    int i = next.getAndIncrement();
                    long t = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(request(base, tokens.get(i % tokens.size()), post, i),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            lat[n++] = System.nanoTime() - t;
                            count.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return count.get();
    }
}
