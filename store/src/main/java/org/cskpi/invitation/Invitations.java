package org.cskpi.invitation;

import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.jooq.tables.records.SurveyInvitationsRecord;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Issues and looks up survey invitations; shared by the batch {@code invite} command and the
 * web API. Rules: one invitation per ticket ({@code source}, {@code ticket_id}); no invitation
 * for a customer invited less than {@code survey.fatigue_days} ago, nor ever for one who
 * unsubscribed ({@code survey_unsubscribes}); an invitation expires
 * {@code survey.invitation_ttl_days} after it was issued. Days are 86,400 s.
 */
public final class Invitations {

    private final DSLContext dsl;
    private final Clock clock;
    private final CskpiConfig.Survey settings;

    public Invitations(DSLContext dsl, Clock clock, CskpiConfig.Survey settings) {
        this.dsl = dsl;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What is stored with an invitation in the transaction that issues it, such as its e-mail
     * (docs/mail.md#sending-invitations): the token exists only in that transaction.
     */
    public interface Companion {

        /** Why the ticket cannot have its companion (say, no address), checked after the rules above; empty if it can. */
        Optional<IssueResult.Outcome> refusal(DSLContext tx, TicketRef ticket);

        /** Stores what goes with the new invitation, in {@code tx}. */
        void store(DSLContext tx, IssueResult.Issued issued);

        /** Nothing goes with the invitation. */
        Companion NONE = new Companion() {
            @Override
            public Optional<IssueResult.Outcome> refusal(DSLContext tx, TicketRef ticket) {
                return Optional.empty();
            }

            @Override
            public void store(DSLContext tx, IssueResult.Issued issued) {
            }
        };
    }


    /** Issues an invitation for the ticket unless a rule above says no. */
    public IssueResult issue(TicketRef ticket) {
        return issue(ticket, Companion.NONE);
    }

    /**
     * Issues an invitation for the ticket unless a rule above or the companion says no, and
     * stores the companion with it: both or neither.
     */
    public IssueResult issue(TicketRef ticket, Companion companion) {
        Instant now = now();
        try {
            return dsl.transactionResult(tx -> issue(tx.dsl(), ticket, now, companion));
        } catch (IntegrityConstraintViolationException raced) {
            // Another issuer stored this ticket's invitation between our check and our insert.
            return IssueResult.skipped(IssueResult.Outcome.ALREADY_INVITED);
        }
    }

    /**
     * {@link #issue(TicketRef, Companion)} for each ticket in order, all in one transaction: the
     * same rules and results (a ticket sees the invitations issued before it in the list), one
     * commit instead of one per ticket. If another issuer stored one of these tickets' invitation
     * meanwhile, the whole transaction is undone and the tickets are issued one by one.
     */
    public List<IssueResult> issueAll(List<TicketRef> tickets, Companion companion) {
        try {
            return dsl.transactionResult(tx -> {
                List<IssueResult> results = new ArrayList<>(tickets.size());
                for (TicketRef ticket : tickets) {
                    results.add(issue(tx.dsl(), ticket, now(), companion));
                }
                return results;
            });
        } catch (IntegrityConstraintViolationException raced) {
            return tickets.stream().map(ticket -> issue(ticket, companion)).toList();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private IssueResult issue(DSLContext tx, TicketRef ticket, Instant now, Companion companion) {
        boolean invited = tx.fetchExists(SURVEY_INVITATIONS,
                SURVEY_INVITATIONS.SOURCE.eq(ticket.source()).and(SURVEY_INVITATIONS.TICKET_ID.eq(ticket.ticketId())));
        if (invited) {
            return IssueResult.skipped(IssueResult.Outcome.ALREADY_INVITED);
        }
        if (ticket.customerId() != null && tx.fetchExists(SURVEY_INVITATIONS,
                SURVEY_INVITATIONS.CUSTOMER_ID.eq(ticket.customerId())
                        .and(SURVEY_INVITATIONS.CREATED_AT.gt(utc(now.minus(Duration.ofDays(settings.fatigueDays()))))))) {
            return IssueResult.skipped(IssueResult.Outcome.CUSTOMER_RECENTLY_INVITED);
        }
        if (ticket.customerId() != null
                && tx.fetchExists(SURVEY_UNSUBSCRIBES, SURVEY_UNSUBSCRIBES.CUSTOMER_ID.eq(ticket.customerId()))) {
            return IssueResult.skipped(IssueResult.Outcome.UNSUBSCRIBED);
        }
        Optional<IssueResult.Outcome> refused = companion.refusal(tx, ticket);
        if (refused.isPresent()) {
            return IssueResult.skipped(refused.get());
        }
        String token = SurveyToken.generate();
        Instant expires = now.plus(Duration.ofDays(settings.invitationTtlDays()));
        long id = tx.insertInto(SURVEY_INVITATIONS)
                .set(SURVEY_INVITATIONS.TOKEN_HASH, SurveyToken.hash(token))
                .set(SURVEY_INVITATIONS.SOURCE, ticket.source())
                .set(SURVEY_INVITATIONS.TICKET_ID, ticket.ticketId())
                .set(SURVEY_INVITATIONS.CUSTOMER_ID, ticket.customerId())
                .set(SURVEY_INVITATIONS.LOCALE, ticket.locale())
                .set(SURVEY_INVITATIONS.CREATED_AT, utc(now))
                .set(SURVEY_INVITATIONS.EXPIRES_AT, utc(expires))
                .returning(SURVEY_INVITATIONS.ID)
                .fetchOne(SURVEY_INVITATIONS.ID);
        Invitation invitation = new Invitation(id, ticket.source(), ticket.ticketId(), ticket.customerId(),
                ticket.locale(), now, expires);
        IssueResult.Issued issued = new IssueResult.Issued(invitation, token, SurveyLinks.of(settings.baseUrl(), token));
        companion.store(tx, issued);
        return new IssueResult(IssueResult.Outcome.ISSUED, Optional.of(issued));
    }

    /** The invitation a token belongs to, expired or not; empty for a malformed or unknown token. */
    public Optional<Invitation> find(String token) {
        if (!SurveyToken.wellFormed(token)) {
            return Optional.empty();
        }
        return dsl.selectFrom(SURVEY_INVITATIONS)
                .where(SURVEY_INVITATIONS.TOKEN_HASH.eq(SurveyToken.hash(token)))
                .fetchOptional()
                .map(Invitations::toInvitation);
    }

    /** The invitation stored in a {@code survey_invitations} row. */
    public static Invitation toInvitation(SurveyInvitationsRecord r) {
        return new Invitation(r.getId(), r.getSource(), r.getTicketId(), r.getCustomerId(), r.getLocale(),
                r.getCreatedAt().toInstant(), r.getExpiresAt().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
