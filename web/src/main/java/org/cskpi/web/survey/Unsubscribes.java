package org.cskpi.web.survey;

import static org.cskpi.store.jooq.Tables.SURVEY_CONTACTS;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.cskpi.invitation.Invitation;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Customers who asked for no more survey e-mails (docs/web.md#unsubscribe). Unsubscribing keeps
 * the customer's pseudonym in {@code survey_unsubscribes} (so they are never invited again, also
 * after their address is gone) and deletes their address from {@code survey_contacts}.
 */
public final class Unsubscribes {

    private final DSLContext dsl;
    private final Clock clock;

    public Unsubscribes(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Unsubscribes the invitation's customer (who must be known: {@code customerId} set).
     * Idempotent: the first unsubscribe's time and invitation are kept. Two at once both end
     * with the customer unsubscribed once: the loser of the insert race finds the row on retry.
     */
    public void unsubscribe(Invitation invitation) {
        try {
            record(invitation);
        } catch (IntegrityConstraintViolationException raced) {
            record(invitation);
        }
    }

    private void record(Invitation invitation) {
        String customer = invitation.customerId();
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        dsl.transaction(tx -> {
            tx.dsl().insertInto(SURVEY_UNSUBSCRIBES,
                            SURVEY_UNSUBSCRIBES.CUSTOMER_ID, SURVEY_UNSUBSCRIBES.UNSUBSCRIBED_AT, SURVEY_UNSUBSCRIBES.INVITATION_ID)
                    .select(DSL.select(DSL.val(customer), DSL.val(now), DSL.val(invitation.id()))
                            .whereNotExists(DSL.selectOne().from(SURVEY_UNSUBSCRIBES)
                                    .where(SURVEY_UNSUBSCRIBES.CUSTOMER_ID.eq(customer))))
                    .execute();
            tx.dsl().deleteFrom(SURVEY_CONTACTS).where(SURVEY_CONTACTS.CUSTOMER_ID.eq(customer)).execute();
        });
    }
}
