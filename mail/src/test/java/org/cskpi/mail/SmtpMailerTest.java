package org.cskpi.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.cskpi.config.MailSettings;
import org.cskpi.mail.MailFailure.Kind;
import org.cskpi.mail.MailFailure.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("survey@nordlys.example", "survey", "right"));

    private static String host() {
        return GREEN_MAIL.getSmtp().getServerSetup().getBindAddress();
    }

    private static int port() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    @Test
    void sends_through_a_real_smtp_server_and_returns_the_message_id() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(TestMessages.smtp(host(), port(), "survey", "right"))) {
            SendResult result = mailer.send(TestMessages.hello("kari@example.com"));

            MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
            assertThat(result).isEqualTo(new SendResult.Sent(received.getMessageID()));
            assertThat(received.getMessageID()).matches("<[0-9a-f-]{36}@nordlys\\.example>");
            assertThat(received.getSubject()).isEqualTo("Hello");
            assertThat(received.getSentDate()).isNotNull();
        }
    }

    @Test
    void a_wrong_password_is_a_permanent_failure_in_one_line() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(TestMessages.smtp(host(), port(), "survey", "wrong"))) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(failure.replyCode()).hasValue(535);
            assertThat(failure.message()).startsWith("535 authentication failed at " + host() + ":" + port())
                    .doesNotContain("\n").doesNotContain("Exception");
            // A login failure concerns every message: a batch stops rather than failing each one.
            assertThat(failure.refusesOnlyThisMessage()).isFalse();
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void a_refused_connection_is_transient_and_names_the_server() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SmtpMailer mailer = new SmtpMailer(TestMessages.smtp("127.0.0.1", closedPort))) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure).isEqualTo(new MailFailure(Kind.TRANSIENT, OptionalInt.empty(), "",
                    "connection refused at 127.0.0.1:" + closedPort, Step.CONNECTION));
        }
    }

    @ParameterizedTest(name = "server drops the connection after each message: {0}")
    @CsvSource({"false, 1", "true, 3"})
    void a_batch_goes_over_one_connection_opened_again_only_when_the_server_dropped_it(
            boolean dropAfterEachMessage, int connections) throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), dropAfterEachMessage);
             SmtpMailer mailer = server.mailer()) {
            for (int i = 0; i < 3; i++) {
                assertThat(mailer.send(TestMessages.hello("kari@example.com"))).isInstanceOf(SendResult.Sent.class);
            }

            assertThat(server.accepted()).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(connections);
        }
    }

    @Test
    void a_4xx_reply_is_transient_and_the_connection_stays_usable() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("451 4.3.0 Try again later"), false);
             SmtpMailer mailer = server.mailer()) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure).isEqualTo(new MailFailure(Kind.TRANSIENT, OptionalInt.of(451),
                    "451 4.3.0 Try again later",
                    "451 message refused at 127.0.0.1:" + server.port() + ": 4.3.0 Try again later", Step.MESSAGE));
            assertThat(mailer.send(TestMessages.hello("kari@example.com"))).isInstanceOf(SendResult.Sent.class);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void a_5xx_reply_is_permanent() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("554 5.7.1 Message rejected as spam"), false);
             SmtpMailer mailer = server.mailer()) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(failure.replyCode()).hasValue(554);
            assertThat(failure.message())
                    .isEqualTo("554 message refused at 127.0.0.1:" + server.port() + ": 5.7.1 Message rejected as spam");
        }
    }

    @Test
    void an_unknown_recipient_is_a_permanent_failure_of_the_recipient() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), false);
             SmtpMailer mailer = server.mailer()) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("nobody@reject.example"));

            assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(failure.message()).isEqualTo(
                    "550 recipient refused at 127.0.0.1:" + server.port() + ": 5.1.1 No such user");
            assertThat(failure.step()).isEqualTo(Step.RECIPIENT);
            assertThat(failure.refusesOnlyThisMessage()).isTrue();
        }
    }

    @Test
    void a_4xx_greeting_is_transient() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer("421 4.3.2 Service not available", List.of(), false);
             SmtpMailer mailer = server.mailer()) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure).isEqualTo(new MailFailure(Kind.TRANSIENT, OptionalInt.of(421),
                    "421 4.3.2 Service not available",
                    "421 connection refused at 127.0.0.1:" + server.port() + ": 4.3.2 Service not available",
                    Step.CONNECTION));
        }
    }

    @Test
    void a_silent_server_times_out_as_a_transient_failure() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(null, List.of(), false);
             SmtpMailer mailer = new SmtpMailer(TestMessages.smtp("127.0.0.1", server.port(),
                     MailSettings.Security.NONE, Duration.ofMillis(300)))) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure).isEqualTo(new MailFailure(Kind.TRANSIENT, OptionalInt.empty(), "",
                    "timed out at 127.0.0.1:" + server.port(), Step.CONNECTION));
        }
    }

    @Test
    void starttls_that_the_server_does_not_offer_is_a_permanent_failure() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), false);
             SmtpMailer mailer = new SmtpMailer(TestMessages.smtp("127.0.0.1", server.port(),
                     MailSettings.Security.STARTTLS, Duration.ofSeconds(5)))) {
            MailFailure failure = (MailFailure) mailer.send(TestMessages.hello("kari@example.com"));

            assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(failure.message()).isEqualTo("failed (STARTTLS is required but host does not support STARTTLS)"
                    + " at 127.0.0.1:" + server.port());
            assertThat(server.dataCommands()).isZero();
        }
    }
}
