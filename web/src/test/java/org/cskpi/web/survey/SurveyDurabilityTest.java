package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.web.TestWeb;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load: concurrent survey answers go to the web app in its own JVM over a file
 * store with the production settings (WRITE_DELAY=0); the JVM is killed with SIGKILL
 * ({@code destroyForcibly} on Linux) in mid-load. Reopened, the store holds every answer that
 * got a 200, and no invitation has two answers.
 */
class SurveyDurabilityTest {

    private static final int INVITATIONS = 1_500;
    private static final int CLIENTS = 16;
    private static final int KILL_AFTER_ACKS = 200;

    @Test
    void every_acknowledged_answer_survives_sigkill_and_none_is_stored_twice(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:" + dir.resolve("cskpi").toAbsolutePath();
        List<String> tokens = new ArrayList<>();
        Map<String, String> ticketOfToken = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (Store store = Store.openMigrated(url)) {
            store.dsl().transaction(tx -> {
                Invitations invitations = new Invitations(tx.dsl(), Clock.systemUTC(), TestWeb.config(1).survey());
                for (int i = 0; i < INVITATIONS; i++) {
                    String token = invitations.issue(new TicketRef("csv", "t" + i, null, "en")).issued().orElseThrow().token();
                    tokens.add(token);
                    ticketOfToken.put(token, "t" + i);
                }
            });
        }
        log("invitations issued", t0);

        Process server = startServer(url);
        int port = awaitPort(server);
        log("server up", t0);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < tokens.size()) {
                    String token = tokens.get(i);
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/s/" + token))
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("score=" + (i % 11) + "&comment=n" + i))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && response.body().contains("Thanks — you gave")) {
                            acknowledged.add(token);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < KILL_AFTER_ACKS && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        server.destroyForcibly();
        server.waitFor(10, TimeUnit.SECONDS);
        log("killed after " + acknowledged.size() + " acknowledged", t0);
        int acknowledgedAtKill = acknowledged.size();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(acknowledgedAtKill).isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        assertThat(failures.get()).as("requests in flight or sent after the kill fail").isPositive();
        assertThat(acknowledged.size()).as("load was still running at the kill").isLessThan(INVITATIONS);
        try (Store store = Store.openMigrated(url)) {
            Set<String> storedTickets = Set.copyOf(store.dsl().select(SURVEY_RESPONSES.TICKET_ID).from(SURVEY_RESPONSES)
                    .fetch(SURVEY_RESPONSES.TICKET_ID));
            for (String token : acknowledged) {
                assertThat(storedTickets).as("acknowledged answer for %s", ticketOfToken.get(token))
                        .contains(ticketOfToken.get(token));
            }
            int rows = store.dsl().fetchCount(SURVEY_RESPONSES);
            int distinctInvitations = store.dsl().fetchCount(
                    DSL.selectDistinct(SURVEY_RESPONSES.INVITATION_ID).from(SURVEY_RESPONSES));
            assertThat(rows).isEqualTo(distinctInvitations).isGreaterThanOrEqualTo(acknowledged.size());
            // every stored score is the one sent for that ticket: t{i} got score i % 11
            store.dsl().selectFrom(SURVEY_RESPONSES).fetch().forEach(row ->
                    assertThat(row.getScore()).isEqualTo(Integer.parseInt(row.getTicketId().substring(1)) % 11));
            assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isEqualTo(INVITATIONS);
        }

        log("store checked", t0);
        // restarted, the server shows an acknowledged answer as answered
        Process restarted = startServer(url);
        try {
            int newPort = awaitPort(restarted);
            String token = acknowledged.iterator().next();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + newPort + "/s/" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Thanks — you gave");
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void log(String what, long t0) {
        System.out.printf("durability: %s at %d ms%n", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static Process startServer(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DurabilityServer.class.getName(), url)
                .redirectErrorStream(true)
                .start();
    }

    private static int awaitPort(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).trim());
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new AssertionError("server exited before listening: exit " + server.waitFor());
    }
}
