package org.cskpi.mail;

/** What became of one message: sent, with its Message-ID, or a {@link MailFailure}. */
public sealed interface SendResult permits SendResult.Sent, MailFailure {

    /** Accepted by the server (or written to the outbox); {@code messageId} is the Message-ID header, with its angle brackets. */
    record Sent(String messageId) implements SendResult {
    }
}
