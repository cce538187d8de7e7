package org.cskpi.batch.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.invitation.SurveySends;
import org.cskpi.mail.FakeSmtpServer;
import org.cskpi.store.jooq.tables.records.SurveySendsRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replies GreenMail cannot give, from the mail module's scripted SMTP server: a 4xx is
 * retried, a 5xx is not, and a server that cannot be reached stops the batch with one line,
 * leaving the e-mails pending for the next run (docs/mail.md#send-state).
 */
@ExtendWith(SharedSpark.class)
class InviteSendFailuresTest {

    private final MailingFixture fixture = new MailingFixture()
            .contact("A", "kari@example.com", "en")
            .contact("B", "ola@reject.example", "en");

    @AfterEach
    void close() {
        fixture.close();
    }

    private InvitationMailing.Result send(SparkSession spark, Path dir, int port, String... customers) {
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < customers.length; i++) {
            rows.add(MailingFixture.ticket("t" + (i + 1), customers[i], "en", i + 1));
        }
        return fixture.mailing(MailingFixture.smtp("127.0.0.1", port))
                .run(fixture.invitations, MailingFixture.tickets(spark, dir.resolve("wh"), rows), Optional.empty());
    }

    @Test
    void a_4xx_is_retried_and_then_sent(SparkSession spark, @TempDir Path dir) throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("451 4.3.0 Try again later"), false)) {
            InvitationMailing.Result result = send(spark, dir, server.port(), "A");

            assertThat(result.mailed()).isEqualTo(new InvitationSender.Counts(1, 0, 0));
            assertThat(server.dataCommands()).isEqualTo(2);
            assertThat(server.accepted()).isEqualTo(1);
            SurveySendsRecord row = fixture.sendRows().get(0);
            assertThat(row.getState()).isEqualTo(SurveySends.SENT);
            assertThat(row.getAttempts()).isEqualTo(2);
            assertThat(row.getReply()).isNull();
        }
    }

    @Test
    void a_5xx_is_not_retried_the_row_fails_with_the_reply_and_the_batch_goes_on(SparkSession spark, @TempDir Path dir)
            throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("554 5.7.1 Message rejected as spam"), false)) {
            fixture.contact("C", "jean@example.com", "en");

            InvitationMailing.Result result = send(spark, dir, server.port(), "A", "B", "C");

            // t1: 554 at DATA; t2: 550 for the recipient; t3: sent
            assertThat(result.mailed()).isEqualTo(new InvitationSender.Counts(1, 2, 0));
            assertThat(InvitationMailing.summary(result))
                    .isEqualTo("0 skipped (no address); e-mails: 1 sent, 2 failed, 0 left pending");
            assertThat(server.dataCommands()).as("neither refusal was sent again").isEqualTo(2);
            List<SurveySendsRecord> rows = fixture.sendRows();
            assertThat(rows).extracting(SurveySendsRecord::getState)
                    .containsExactly(SurveySends.FAILED, SurveySends.FAILED, SurveySends.SENT);
            assertThat(rows).extracting(SurveySendsRecord::getAttempts).containsExactly(1, 1, 1);
            assertThat(rows.get(0).getReply())
                    .isEqualTo("554 message refused at 127.0.0.1:" + server.port() + ": 5.7.1 Message rejected as spam");
            assertThat(rows.get(1).getReply())
                    .isEqualTo("550 recipient refused at 127.0.0.1:" + server.port() + ": 5.1.1 No such user");
            assertThat(rows).extracting(SurveySendsRecord::getMessage).containsOnlyNulls();
        }
    }

    @Test
    void an_unreachable_server_stops_the_batch_in_one_line_and_the_mails_stay_pending(SparkSession spark,
                                                                                      @TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> send(spark, dir, closedPort, "A", "B"))
                .isInstanceOf(UserError.class)
                .hasMessage("connection refused at 127.0.0.1:" + closedPort
                        + " (0 sent, 0 failed; 2 invitation e-mails stay pending for the next invite --send)");

        List<SurveySendsRecord> rows = fixture.sendRows();
        assertThat(rows).extracting(SurveySendsRecord::getState).containsOnly(SurveySends.PENDING);
        assertThat(rows).extracting(SurveySendsRecord::getMessage).doesNotContainNull();
        assertThat(rows.get(0).getAttempts()).as("three tries").isEqualTo(3);
        assertThat(rows.get(0).getReply()).isEqualTo("connection refused at 127.0.0.1:" + closedPort);
        assertThat(rows.get(1).getAttempts()).as("never tried").isZero();

        // The server is back: the next run sends both, with the Message-IDs they were stored with.
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), false)) {
            InvitationMailing.Result next = send(spark, dir, server.port(), "A", "B");
            assertThat(next.invited().alreadyInvited()).isEqualTo(2);
            // B's address is refused by this server (reject.example): failed, not pending
            assertThat(next.mailed()).isEqualTo(new InvitationSender.Counts(1, 1, 0));
            assertThat(fixture.sendRows()).extracting(SurveySendsRecord::getMessageId)
                    .containsExactlyElementsOf(rows.stream().map(SurveySendsRecord::getMessageId).toList());
        }
    }
}
