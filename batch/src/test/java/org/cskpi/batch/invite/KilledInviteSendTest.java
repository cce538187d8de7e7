package org.cskpi.batch.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_SENDS;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.job.IngestJob;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.invitation.SurveyContacts;
import org.cskpi.invitation.SurveySends;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cskpi invite --send} killed with SIGKILL mid-batch, in a JVM of its own, over a file
 * store and warehouse that a real ingest filled (survey.send on, so with contacts), then run
 * again: GreenMail, the SMTP server, counts the messages of each invitation
 * (docs/mail.md#exactly-once).
 */
@ExtendWith(SharedSpark.class)
class KilledInviteSendTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final int TICKETS = 12;

    @TempDir
    Path dir;

    private Path configFile;

    @Test
    void killed_between_two_sends_and_run_again_every_invitation_is_received_exactly_once(SparkSession spark)
            throws Exception {
        CskpiConfig config = ingest(spark, TICKETS);

        // 60 a minute: a message every second. Killed while it waits for its next turn, 0.4 s after
        // the third went (the store marks a row sent within milliseconds of the server's 250).
        Process first = inviteSend(config, Optional.empty(), "first");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (GREEN_MAIL.getReceivedMessages().length < 3 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(400);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL; log:%n%s", log("first")).isEqualTo(137);
        int beforeKill = GREEN_MAIL.getReceivedMessages().length;
        assertThat(beforeKill).as("killed mid-batch").isBetween(3, TICKETS - 1);
        assertThat(states(config)).as("after the kill").containsEntry(SurveySends.PENDING, (long) TICKETS - beforeKill);

        Process second = inviteSend(config, Optional.empty(), "second");
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("log:%n%s", log("second")).isZero();
        assertThat(log("second")).contains(TICKETS + " resolved tickets: 0 invited, " + TICKETS + " already invited")
                .contains("e-mails: " + (TICKETS - beforeKill) + " sent, 0 failed, 0 left pending");

        Map<String, Long> received = receivedByMessageId();
        Map<Long, String> stored = storedMessageIds(config);
        System.out.printf("killed invite --send: %d of %d messages received before the kill, %d in all after the re-run%n",
                beforeKill, TICKETS, GREEN_MAIL.getReceivedMessages().length);
        assertThat(stored).hasSize(TICKETS);
        assertThat(states(config)).containsExactly(Map.entry(SurveySends.SENT, (long) TICKETS));
        for (Map.Entry<Long, String> invitation : stored.entrySet()) {
            assertThat(received.get(invitation.getValue())).as("messages of invitation %d", invitation.getKey())
                    .isEqualTo(1L);
        }
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(stored.values());
        assertThat(recipients()).as("one message per customer").hasSize(TICKETS).doesNotHaveDuplicates();
    }

    /**
     * The one window exactly-once cannot close: the server has said 250 and the store has not yet
     * marked the row sent. Killed there, the next run sends that message again, with the same
     * Message-ID, so the copy is identifiable (and mail systems that deduplicate by Message-ID drop it).
     */
    @Test
    void killed_after_the_server_took_a_message_and_before_the_store_marked_it_the_copy_has_the_same_message_id(
            SparkSession spark) throws Exception {
        CskpiConfig config = ingest(spark, 3);

        Process first = inviteSend(config, Optional.of(InvitationSender.ACCEPTED_NOT_MARKED), "first");
        assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("log:%n%s", log("first")).isEqualTo(137);
        assertThat(log("first")).contains("halting at " + InvitationSender.ACCEPTED_NOT_MARKED);
        Process second = inviteSend(config, Optional.empty(), "second");
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("log:%n%s", log("second")).isZero();

        Map<Long, String> stored = storedMessageIds(config);
        Map<String, Long> received = receivedByMessageId();
        List<Long> ids = new ArrayList<>(stored.keySet());
        assertThat(received.get(stored.get(ids.get(0)))).as("the message taken just before the kill").isEqualTo(2L);
        assertThat(received.get(stored.get(ids.get(1)))).isEqualTo(1L);
        assertThat(received.get(stored.get(ids.get(2)))).isEqualTo(1L);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(4);
        assertThat(states(config)).containsExactly(Map.entry(SurveySends.SENT, 3L));
    }

    /** Writes the config and ingests {@code tickets} resolved tickets, each of its own customer with an address. */
    private CskpiConfig ingest(SparkSession spark, int tickets) throws IOException {
        Path configFile = Files.writeString(dir.resolve("cskpi.yaml"), """
                business:
                  timezone: Europe/Oslo
                spark:
                  master: local[1]
                  shuffle_partitions: 1
                survey:
                  send: true
                  send_rate_per_minute: 60
                mail:
                  from: "Nordlys Outdoor <survey@nordlys.example>"
                  smtp:
                    host: 127.0.0.1
                    port: %d
                    security: none
                """.formatted(GREEN_MAIL.getSmtp().getPort()));
        CskpiConfig config = CskpiConfig.load(Optional.of(configFile), dir.resolve("data"));
        List<String> lines = new ArrayList<>(List.of("ticket_id,customer_id,customer_email,status,created_at,resolved_at,locale"));
        String[] locales = {"en", "vi", "nb-NO", "hr", "lt", "th"};
        for (int i = 1; i <= tickets; i++) {
            lines.add(String.format("%d,C-%d,customer%d@example.com,solved,2026-11-%02dT08:00:00Z,2026-11-%02dT09:00:00Z,%s",
                    i, i, i, i, i, locales[i % locales.length]));
        }
        Path export = Files.write(dir.resolve("tickets.csv"), lines);
        Clock clock = Clock.systemUTC();
        try (Store store = Store.openMigrated(config.storeUrl())) {
            IngestJob.Target target = new IngestJob.Target(config.warehouse(), dir.resolve("quarantine").toString(),
                    Optional.empty(), Optional.of(new SurveyContacts(store.dsl(), clock, 90)));
            new IngestJob(spark, target, new RunLog(store.dsl(), clock), new PrintStream(java.io.OutputStream.nullOutputStream()),
                    clock).run(CsvReaders.canonical(), List.of(export.toString()), new ReadOptions(ZoneId.of("UTC"), List.of()));
        }
        this.configFile = configFile;
        return config;
    }

    /** {@code cskpi invite --send} in its own JVM, with this JVM's classpath and Spark flags; output to a log. */
    private Process inviteSend(CskpiConfig config, Optional<String> haltAt, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-XX:") || arg.startsWith("-D"))
                .forEach(command::add);
        haltAt.ifPresent(stage -> command.add("-Dcskpi.fault.halt_at=" + stage));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.cskpi.batch.BatchCli", "invite", "--send",
                "--config", configFile.toString(), "--data-dir", config.dataDir().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    private static Map<String, Long> receivedByMessageId() {
        return List.of(GREEN_MAIL.getReceivedMessages()).stream()
                .collect(Collectors.groupingBy(KilledInviteSendTest::messageId, TreeMap::new, Collectors.counting()));
    }

    private static List<String> recipients() {
        return List.of(GREEN_MAIL.getReceivedMessages()).stream().map(message -> header(message, "To")).toList();
    }

    private static String messageId(MimeMessage message) {
        return header(message, "Message-ID");
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invitation id -> the Message-ID its row was stored and sent with. */
    private static Map<Long, String> storedMessageIds(CskpiConfig config) {
        try (Store store = Store.openMigrated(config.storeUrl())) {
            return store.dsl().select(SURVEY_SENDS.INVITATION_ID, SURVEY_SENDS.MESSAGE_ID).from(SURVEY_SENDS)
                    .orderBy(SURVEY_SENDS.INVITATION_ID)
                    .fetchMap(SURVEY_SENDS.INVITATION_ID, SURVEY_SENDS.MESSAGE_ID)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                            (a, b) -> a, TreeMap::new));
        }
    }

    /** state -> rows, of survey_sends. */
    private static Map<String, Long> states(CskpiConfig config) {
        try (Store store = Store.openMigrated(config.storeUrl())) {
            return store.dsl().select(SURVEY_SENDS.STATE).from(SURVEY_SENDS).fetch(SURVEY_SENDS.STATE).stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        }
    }
}
