package org.cskpi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.cskpi.files.OwnerOnly;

/**
 * "Sends" by writing each message as an RFC 822 {@code .eml} file into a folder, readable by
 * its owner only (it holds a customer's address and personal links): for the demo, dry runs
 * and installations that hand mail on with another program. The file is named after the
 * Message-ID ({@link #fileFor}); the folder is created (mode 700) at the first message.
 */
public final class OutboxMailer implements Mailer {

    private final Path dir;

    public OutboxMailer(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the message, unless the outbox already holds the file of its Message-ID (a message
     * sent again, say after a run was killed before it recorded the first send): one file per
     * Message-ID. The file appears whole or not at all (written beside it, then renamed). An
     * outbox that cannot be written is an {@link UncheckedIOException} naming the file.
     */
    @Override
    public SendResult send(MimeMessage message) {
        String messageId = OutgoingMessage.prepare(message);
        Path file = fileFor(messageId);
        if (Files.exists(file)) {
            return new SendResult.Sent(messageId);
        }
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            try (OutputStream out = OwnerOnly.newOutputStream(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                message.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the message to " + file + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message cannot be written: " + e.getMessage(), e);
        }
        return new SendResult.Sent(messageId);
    }

    /** The file of the message with this Message-ID: its characters other than {@code A-Za-z0-9._@-} dropped, plus {@code .eml}. */
    public Path fileFor(String messageId) {
        return dir.resolve(messageId.replaceAll("[^A-Za-z0-9._@-]", "") + ".eml");
    }

    @Override
    public void close() {
    }
}
