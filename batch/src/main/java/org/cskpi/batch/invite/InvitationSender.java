package org.cskpi.batch.invite;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.cskpi.cli.UserError;
import org.cskpi.invitation.SurveySends;
import org.cskpi.mail.MailFailure;
import org.cskpi.mail.Mailer;
import org.cskpi.mail.OutgoingMessage;
import org.cskpi.mail.RetryPolicy;
import org.cskpi.mail.SendPacer;
import org.cskpi.mail.SendResult;
import org.cskpi.store.FaultInjection;

/**
 * Sends the pending invitation e-mails of the store, oldest first, each as it was stored (same
 * Message-ID), paced by {@code survey.send_rate_per_minute} and retried by the
 * {@link RetryPolicy} on a 4xx (docs/mail.md#send-state):
 * <ul>
 *   <li>taken by the server: {@code sent}, with its Message-ID;</li>
 *   <li>refused for good (a 5xx to its recipient or content): {@code failed}, with the reply;</li>
 *   <li>still refused for now after the last retry: left {@code pending} for the next run, with the reply;</li>
 *   <li>a failed connection, login or sender, which would fail every message alike: the batch
 *       stops with the server's one-line reply, and the rest stays pending.</li>
 * </ul>
 * Each row is marked right after the server's answer, in its own transaction. A run killed
 * between the server's 250 and that mark sends the message again on the next run, with the
 * same Message-ID (docs/mail.md#exactly-once).
 */
public final class InvitationSender {

    /** Halt hook of the kill -9 test: after the server took a message, before the store marks it sent. */
    static final String ACCEPTED_NOT_MARKED = "invite.accepted_not_marked";

    /** What one batch did: rows marked sent, marked failed, and left pending after their retries. */
    public record Counts(long sent, long failed, long leftPending) {
    }

    private final SurveySends sends;
    private final SendPacer pacer;
    private final RetryPolicy retries;

    public InvitationSender(SurveySends sends, SendPacer pacer, RetryPolicy retries) {
        this.sends = sends;
        this.pacer = pacer;
        this.retries = retries;
    }

    /** Sends every pending row through {@code mailer}; a batch-wide failure is a {@link UserError}. */
    public Counts sendPending(Mailer mailer) {
        long sent = 0;
        long failed = 0;
        long left = 0;
        for (long id : sends.pendingIds()) {
            Optional<SurveySends.Pending> pending = sends.pending(id);
            if (pending.isEmpty()) {
                continue;
            }
            MimeMessage message = OutgoingMessage.fromStored(pending.get().message());
            try {
                pacer.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted while sending invitation e-mails; the unsent ones stay pending");
            }
            Attempts counted = new Attempts(mailer);
            SendResult result = retries.send(counted, message);
            if (result instanceof SendResult.Sent accepted) {
                FaultInjection.haltAt(ACCEPTED_NOT_MARKED);
                sends.markSent(id, accepted.messageId(), counted.sends);
                sent++;
            } else if (result instanceof MailFailure failure && failure.refusesOnlyThisMessage()) {
                sends.markFailed(id, failure.message(), counted.sends);
                failed++;
            } else {
                MailFailure failure = (MailFailure) result;
                sends.recordAttempt(id, failure.message(), counted.sends);
                if (failure.step() == MailFailure.Step.CONNECTION || failure.step() == MailFailure.Step.SENDER) {
                    throw new UserError(failure.message() + " (" + sent + " sent, " + failed + " failed; "
                            + sends.pendingIds().size() + " invitation e-mails stay pending for the next invite --send)");
                }
                left++;
            }
        }
        return new Counts(sent, failed, left);
    }

    /** Counts the sends the retry policy makes, for {@code survey_sends.attempts}. */
    private static final class Attempts implements Mailer {
        private final Mailer mailer;
        private int sends;

        Attempts(Mailer mailer) {
            this.mailer = mailer;
        }

        @Override
        public SendResult send(MimeMessage message) {
            sends++;
            return mailer.send(message);
        }

        @Override
        public void close() {
            mailer.close();
        }
    }
}
