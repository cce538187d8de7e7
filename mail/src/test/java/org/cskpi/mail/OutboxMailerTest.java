package org.cskpi.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.stream.Stream;
import org.cskpi.config.MailSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {

    @TempDir
    Path dir;

    @Test
    void writes_each_message_as_a_parseable_eml_file_for_the_owner_only() throws Exception {
        Path outbox = dir.resolve("outbox");
        try (OutboxMailer mailer = new OutboxMailer(outbox)) {
            SendResult.Sent sent = (SendResult.Sent) mailer.send(TestMessages.hello("kari@example.com"));

            Path file = mailer.fileFor(sent.messageId());
            assertThat(file.getParent()).isEqualTo(outbox);
            assertThat(file.getFileName().toString()).matches("[0-9a-f-]{36}@nordlys\\.example\\.eml");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox))).isEqualTo("rwx------");
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
                assertThat(parsed.getMessageID()).isEqualTo(sent.messageId());
                assertThat(parsed.getSubject()).isEqualTo("Hello");
                assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("kari@example.com");
                assertThat(parsed.getContent()).isEqualTo("Hello there.");
            }
        }
    }

    @Test
    void every_message_gets_its_own_file() throws Exception {
        try (OutboxMailer mailer = new OutboxMailer(dir)) {
            mailer.send(TestMessages.hello("a@example.com"));
            mailer.send(TestMessages.hello("b@example.com"));
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(file -> file.toString().endsWith(".eml"))).hasSize(2);
        }
    }

    @Test
    void a_message_sent_again_leaves_one_file_per_message_id() throws Exception {
        MimeMessage message = TestMessages.hello("kari@example.com");
        try (OutboxMailer mailer = new OutboxMailer(dir)) {
            SendResult.Sent first = (SendResult.Sent) mailer.send(message);
            byte[] written = Files.readAllBytes(mailer.fileFor(first.messageId()));

            SendResult.Sent again = (SendResult.Sent) mailer.send(OutgoingMessage.fromStored(OutgoingMessage.toStored(message)));

            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(Files.readAllBytes(mailer.fileFor(first.messageId()))).isEqualTo(written);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void the_settings_choose_the_mailer() {
        MailSettings outbox = new MailSettings(TestMessages.FROM, new MailSettings.Outbox(dir));
        MailSettings smtp = new MailSettings(TestMessages.FROM, TestMessages.smtp("localhost", 25));

        try (Mailer toFolder = Mailer.of(outbox); Mailer toServer = Mailer.of(smtp)) {
            assertThat(toFolder).isInstanceOf(OutboxMailer.class);
            assertThat(toServer).isInstanceOf(SmtpMailer.class);
        }
    }
}
