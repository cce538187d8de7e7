package org.cskpi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.mail.MailFailure.Kind;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = waits::add;

    @Test
    void a_transient_failure_is_sent_again_after_doubling_waits_until_it_succeeds() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("451 4.3.0 busy", "421 4.4.5 busy"), false);
             SmtpMailer mailer = server.mailer()) {
            RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(5), recording);

            SendResult result = policy.send(mailer, TestMessages.hello("kari@example.com"));

            assertThat(result).isInstanceOf(SendResult.Sent.class);
            assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(server.dataCommands()).isEqualTo(3);
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void a_permanent_failure_is_not_sent_again() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("550 5.7.1 rejected"), false);
             SmtpMailer mailer = server.mailer()) {
            RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(5), recording);

            MailFailure failure = (MailFailure) policy.send(mailer, TestMessages.hello("kari@example.com"));

            assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(waits).isEmpty();
            assertThat(server.dataCommands()).isEqualTo(1);
        }
    }

    @Test
    void after_the_last_attempt_the_transient_failure_is_returned() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("451 a", "451 b", "451 c", "451 d"), false);
             SmtpMailer mailer = server.mailer()) {
            RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), recording);

            MailFailure failure = (MailFailure) policy.send(mailer, TestMessages.hello("kari@example.com"));

            assertThat(failure.replyText()).isEqualTo("451 c");
            assertThat(failure.isTransient()).isTrue();
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(server.dataCommands()).isEqualTo(3);
        }
    }

    @Test
    void the_message_id_stays_the_same_across_attempts() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("451 busy"), false);
             SmtpMailer mailer = server.mailer()) {
            var message = TestMessages.hello("kari@example.com");
            String before = message.getHeader("Message-ID", null);

            SendResult result = new RetryPolicy(2, Duration.ZERO, recording).send(mailer, message);

            assertThat(result).isEqualTo(new SendResult.Sent(before));
        }
    }

    @Test
    void interrupted_while_waiting_it_stops_with_the_failure_and_keeps_the_interrupt() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of("451 busy"), false);
             SmtpMailer mailer = server.mailer()) {
            Sleeper interrupted = duration -> {
                throw new InterruptedException();
            };

            SendResult result = new RetryPolicy(3, Duration.ofSeconds(1), interrupted)
                    .send(mailer, TestMessages.hello("kari@example.com"));

            assertThat(Thread.interrupted()).isTrue();
            assertThat(result).isInstanceOf(MailFailure.class);
            assertThat(server.dataCommands()).isEqualTo(1);
        }
    }

    @Test
    void needs_at_least_one_attempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), recording))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
    }
}
