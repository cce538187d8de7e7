package org.cskpi.mail;

import jakarta.mail.internet.MimeMessage;
import org.cskpi.config.MailSettings;

/**
 * Sends messages, one after another, through the delivery of {@link MailSettings}
 * (docs/mail.md#sending). A mailer may hold a connection open between messages, so close it
 * when the batch is done. Not for use by several threads at once.
 */
public interface Mailer extends AutoCloseable {

    /**
     * Sends {@code message} to its recipients (To, Cc and Bcc) and returns its Message-ID, or
     * the server's refusal. A failure to write to the outbox folder is an {@code UncheckedIOException}:
     * it is the installation's problem, not the message's.
     */
    SendResult send(MimeMessage message);

    /** Closes the connection, if one is open; the mailer can be used again after. */
    @Override
    void close();

    /** The mailer for the configured delivery: an {@link SmtpMailer} or an {@link OutboxMailer}. */
    static Mailer of(MailSettings settings) {
        if (settings.delivery() instanceof MailSettings.Smtp smtp) {
            return new SmtpMailer(smtp);
        }
        return new OutboxMailer(((MailSettings.Outbox) settings.delivery()).dir());
    }
}
