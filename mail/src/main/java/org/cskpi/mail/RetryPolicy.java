package org.cskpi.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;

/**
 * Sends a message again after a {@link MailFailure.Kind#TRANSIENT transient} failure, waiting
 * {@code firstDelay}, then twice that, four times that…, for at most {@code attempts} sends in
 * all. A permanent failure is returned at once: the server will say the same again.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Sleeper sleeper) {

    /** Three sends, 10 s and 20 s apart: rides out a greylisting server's or a busy relay's first "451, try again". */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofSeconds(10), Sleeper.SYSTEM);
    }

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("the first delay must not be negative, got " + firstDelay);
        }
    }

    /**
     * The first result that is not a transient failure, or the last transient one when every
     * attempt failed. Interrupted while waiting, it stops and returns the last failure, with the
     * thread's interrupt flag set again.
     */
    public SendResult send(Mailer mailer, MimeMessage message) {
        SendResult result = mailer.send(message);
        for (int attempt = 1; attempt < attempts && isTransient(result); attempt++) {
            try {
                sleeper.sleep(delayBefore(attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = mailer.send(message);
        }
        return result;
    }

    /** The wait before send number {@code attempt} (2 or more): {@code firstDelay × 2^(attempt − 2)}. */
    Duration delayBefore(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 30));
    }

    private static boolean isTransient(SendResult result) {
        return result instanceof MailFailure failure && failure.isTransient();
    }
}
