package org.cskpi.invitation;

import static org.cskpi.store.jooq.Tables.SURVEY_CONTACTS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Customers' addresses for survey e-mails, kept apart from the warehouse (docs/mail.md#contacts):
 * one row per pseudonymised customer ({@code customer_id} is the warehouse's pseudonym), with
 * the address, the locale and when an export last showed them. Ingest keeps them while
 * {@code survey.send} is on; a row not seen for {@code survey.contact_retention_days} is
 * deleted, at ingest and before invitations are sent. Days are 86,400 s.
 */
public final class SurveyContacts {

    /** One customer's address and locale (null when the export has none). */
    public record Contact(String customerId, String email, String locale) {
    }

    /** What {@link #keep} did: addresses written (new or seen again), and rows deleted as too old. */
    public record Kept(long kept, long deleted) {
    }

    private static final int BATCH = 500;

    private final DSLContext dsl;
    private final Clock clock;
    private final int retentionDays;

    public SurveyContacts(DSLContext dsl, Clock clock, int retentionDays) {
        this.dsl = dsl;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /**
     * Writes each contact with {@code last_seen_at} = now (a newer address or locale replaces
     * the stored one), then deletes the rows not seen within the retention, in one transaction.
     */
    public Kept keep(Iterator<Contact> contacts) {
        OffsetDateTime now = now();
        return dsl.transactionResult(tx -> {
            long kept = 0;
            List<Query> batch = new ArrayList<>(BATCH);
            while (contacts.hasNext()) {
                Contact contact = contacts.next();
                batch.add(tx.dsl().insertInto(SURVEY_CONTACTS)
                        .set(SURVEY_CONTACTS.CUSTOMER_ID, contact.customerId())
                        .set(SURVEY_CONTACTS.EMAIL, contact.email())
                        .set(SURVEY_CONTACTS.LOCALE, contact.locale())
                        .set(SURVEY_CONTACTS.LAST_SEEN_AT, now)
                        .onDuplicateKeyUpdate()
                        .set(SURVEY_CONTACTS.EMAIL, contact.email())
                        .set(SURVEY_CONTACTS.LOCALE, contact.locale())
                        .set(SURVEY_CONTACTS.LAST_SEEN_AT, now));
                kept++;
                if (batch.size() == BATCH) {
                    tx.dsl().batch(batch).execute();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                tx.dsl().batch(batch).execute();
            }
            return new Kept(kept, deleteExpired(tx.dsl(), now));
        });
    }

    /** Deletes the rows not seen within the retention; returns how many. */
    public long deleteExpired() {
        return deleteExpired(dsl, now());
    }

    private long deleteExpired(DSLContext ctx, OffsetDateTime now) {
        return ctx.deleteFrom(SURVEY_CONTACTS)
                .where(SURVEY_CONTACTS.LAST_SEEN_AT.lt(now.minus(Duration.ofDays(retentionDays))))
                .execute();
    }

    /** The customer's contact, in the given transaction (or the plain context). */
    public static Optional<Contact> find(DSLContext ctx, String customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        return ctx.select(SURVEY_CONTACTS.CUSTOMER_ID, SURVEY_CONTACTS.EMAIL, SURVEY_CONTACTS.LOCALE)
                .from(SURVEY_CONTACTS)
                .where(SURVEY_CONTACTS.CUSTOMER_ID.eq(customerId))
                .fetchOptional(org.jooq.Records.mapping(Contact::new));
    }

    public int retentionDays() {
        return retentionDays;
    }

    private OffsetDateTime now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return now.atOffset(ZoneOffset.UTC);
    }
}
