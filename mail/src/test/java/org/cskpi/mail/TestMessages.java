package org.cskpi.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import org.cskpi.config.MailSettings;

/** Small messages and SMTP settings for the mailer tests. */
final class TestMessages {

    static final String FROM = "Nordlys Outdoor <survey@nordlys.example>";

    private TestMessages() {
    }

    static MimeMessage hello(String to) throws MessagingException {
        MimeMessage message = new OutgoingMessage(FROM);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello", "UTF-8");
        message.setText("Hello there.", "UTF-8");
        return message;
    }

    static MailSettings.Smtp smtp(String host, int port) {
        return smtp(host, port, MailSettings.Security.NONE, Duration.ofSeconds(5));
    }

    static MailSettings.Smtp smtp(String host, int port, MailSettings.Security security, Duration readTimeout) {
        return new MailSettings.Smtp(host, port, security, Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5), readTimeout);
    }

    static MailSettings.Smtp smtp(String host, int port, String username, String password) {
        return new MailSettings.Smtp(host, port, MailSettings.Security.NONE, Optional.of(username), Optional.of(password),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
