package org.cskpi.mail;

import java.util.OptionalInt;

/**
 * A message the server did not take (docs/mail.md#failures). {@code replyCode} and
 * {@code replyText} are the server's reply when there was one (none when the connection
 * itself failed); {@code message} is one line for a person, e.g.
 * {@code 535 authentication failed at smtp.example.com:587: 5.7.8 Authentication credentials invalid}.
 */
public record MailFailure(Kind kind, OptionalInt replyCode, String replyText, String message, Step step)
        implements SendResult {

    /** Whether sending the same message again later may succeed. */
    public enum Kind {
        /** A 4xx reply, or a connection that was refused, timed out or dropped: try again later. */
        TRANSIENT,
        /** A 5xx reply, or a setting that cannot work (unknown host, TLS refused): trying again will not help. */
        PERMANENT
    }

    /**
     * Where it failed: the connection (greeting, TLS, login, a dropped or silent connection),
     * or the server's refusal of the sender (MAIL FROM), the recipient (RCPT TO) or the
     * message (DATA).
     */
    public enum Step {
        CONNECTION, SENDER, RECIPIENT, MESSAGE
    }

    /** The kind an SMTP reply code stands for: 4xx is transient, anything else that failed is permanent. */
    static Kind kindOf(int replyCode) {
        return replyCode >= 400 && replyCode < 500 ? Kind.TRANSIENT : Kind.PERMANENT;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /**
     * Whether the server refused this message for good (a 5xx to its recipient or its content),
     * so that another message may still go; a failed connection, login or sender concerns every
     * message of the batch.
     */
    public boolean refusesOnlyThisMessage() {
        return kind == Kind.PERMANENT && (step == Step.RECIPIENT || step == Step.MESSAGE);
    }
}
