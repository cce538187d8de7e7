package org.cskpi.invitation;

import static org.cskpi.store.jooq.Tables.SURVEY_SENDS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The send state of each invitation e-mail, a transactional outbox (docs/mail.md#send-state):
 * the composed message is stored {@code pending} in the transaction that issues the
 * invitation, then marked {@code sent} with its Message-ID or {@code failed} with the
 * server's reply; the stored message is cleared once the row is no longer pending. A run
 * killed mid-batch leaves {@code pending} rows, which the next run sends with the Message-ID
 * they were stored with.
 */
public final class SurveySends {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    /** A stored message waiting to be sent: its invitation, Message-ID and RFC 822 bytes. */
    public record Pending(long invitationId, String messageId, byte[] message) {
    }

    private static final int REPLY_LENGTH = 1000;

    private final DSLContext dsl;
    private final Clock clock;

    public SurveySends(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Stores the composed message as pending, in the transaction {@code tx} that issued the invitation. */
    public void storePending(DSLContext tx, long invitationId, String messageId, byte[] message) {
        tx.insertInto(SURVEY_SENDS)
                .set(SURVEY_SENDS.INVITATION_ID, invitationId)
                .set(SURVEY_SENDS.STATE, PENDING)
                .set(SURVEY_SENDS.MESSAGE_ID, messageId)
                .set(SURVEY_SENDS.MESSAGE, message)
                .set(SURVEY_SENDS.UPDATED_AT, now())
                .execute();
    }

    /** The ids of the pending rows, oldest invitation first. */
    public List<Long> pendingIds() {
        return dsl.select(SURVEY_SENDS.INVITATION_ID).from(SURVEY_SENDS)
                .where(SURVEY_SENDS.STATE.eq(PENDING))
                .orderBy(SURVEY_SENDS.INVITATION_ID)
                .fetch(SURVEY_SENDS.INVITATION_ID);
    }

    /** The pending row of this invitation, with its message; empty if it is no longer pending. */
    public Optional<Pending> pending(long invitationId) {
        return dsl.select(SURVEY_SENDS.INVITATION_ID, SURVEY_SENDS.MESSAGE_ID, SURVEY_SENDS.MESSAGE)
                .from(SURVEY_SENDS)
                .where(SURVEY_SENDS.INVITATION_ID.eq(invitationId).and(SURVEY_SENDS.STATE.eq(PENDING)))
                .fetchOptional(org.jooq.Records.mapping(Pending::new));
    }

    /** The server took the message: sent, with the Message-ID it went with; the message is cleared. */
    public void markSent(long invitationId, String messageId, int attempts) {
        finish(invitationId, SENT, Optional.of(messageId), null, attempts);
    }

    /** The server refused the message for good: failed, with its reply; the message is cleared. */
    public void markFailed(long invitationId, String reply, int attempts) {
        finish(invitationId, FAILED, Optional.empty(), reply, attempts);
    }

    /** A try that did not get through and may later: still pending, with the reply and the attempts so far. */
    public void recordAttempt(long invitationId, String reply, int attempts) {
        dsl.update(SURVEY_SENDS)
                .set(SURVEY_SENDS.ATTEMPTS, SURVEY_SENDS.ATTEMPTS.plus(attempts))
                .set(SURVEY_SENDS.REPLY, clip(reply))
                .set(SURVEY_SENDS.UPDATED_AT, now())
                .where(SURVEY_SENDS.INVITATION_ID.eq(invitationId).and(SURVEY_SENDS.STATE.eq(PENDING)))
                .execute();
    }

    private void finish(long invitationId, String state, Optional<String> messageId, String reply, int attempts) {
        Field<String> id = messageId.<Field<String>>map(DSL::val).orElse(SURVEY_SENDS.MESSAGE_ID);
        dsl.update(SURVEY_SENDS)
                .set(SURVEY_SENDS.STATE, state)
                .set(SURVEY_SENDS.MESSAGE_ID, id)
                .set(SURVEY_SENDS.MESSAGE, (byte[]) null)
                .set(SURVEY_SENDS.ATTEMPTS, SURVEY_SENDS.ATTEMPTS.plus(attempts))
                .set(SURVEY_SENDS.REPLY, clip(reply))
                .set(SURVEY_SENDS.UPDATED_AT, now())
                .where(SURVEY_SENDS.INVITATION_ID.eq(invitationId).and(SURVEY_SENDS.STATE.eq(PENDING)))
                .execute();
    }

    private static String clip(String reply) {
        return reply == null || reply.length() <= REPLY_LENGTH ? reply : reply.substring(0, REPLY_LENGTH);
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }
}
