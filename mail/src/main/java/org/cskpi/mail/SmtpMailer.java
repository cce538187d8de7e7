package org.cskpi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.cskpi.config.MailSettings;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends through an SMTP server with one connection for a whole batch: connected at the first
 * message, checked with a NOOP before each next one and opened again if the server dropped it
 * (servers close idle connections), closed by {@link #close()}. Connect, read and write
 * timeouts come from the settings, so a silent server fails the message instead of hanging the run.
 */
public final class SmtpMailer implements Mailer {

    private final MailSettings.Smtp settings;
    private final Session session;
    private final SmtpFailures failures;
    private SMTPTransport transport;

    public SmtpMailer(MailSettings.Smtp settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.failures = new SmtpFailures(settings.host() + ":" + settings.port());
    }

    private static Properties properties(MailSettings.Smtp settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        switch (settings.security()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
            }
            case SSL -> properties.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> {
            }
        }
        return properties;
    }

    @Override
    public SendResult send(MimeMessage message) {
        String messageId = OutgoingMessage.prepare(message);
        if (transport == null || !transport.isConnected()) {
            try {
                connect();
            } catch (MessagingException e) {
                MailFailure failure = failures.whileConnecting(e, transport);
                close();
                return failure;
            }
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return new SendResult.Sent(messageId);
        } catch (MessagingException e) {
            return failures.whileSending(e, transport);
        }
    }

    private void connect() throws MessagingException {
        transport = (SMTPTransport) session.getTransport("smtp");
        transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                settings.password().orElse(null));
    }

    @Override
    public void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // QUIT failed: the connection is gone either way, and every message was already answered.
        }
        transport = null;
    }
}
