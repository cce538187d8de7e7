package org.cskpi.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.cskpi.store.jooq.tables.records.SurveyInvitationsRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvitationsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    private final CskpiConfig.Survey settings = CskpiConfig.defaults(Path.of("data")).survey();

    @AfterEach
    void close() {
        store.close();
    }

    private Invitations at(Instant now) {
        return new Invitations(store.dsl(), Clock.fixed(now, ZoneOffset.UTC), settings);
    }

    @Test
    void issuing_stores_only_the_token_hash_and_expires_after_the_ttl() {
        IssueResult result = at(T0).issue(new TicketRef("zendesk", "101", "cust-1", "vi-VN"));

        assertThat(result.outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
        IssueResult.Issued issued = result.issued().orElseThrow();
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        SurveyInvitationsRecord row = store.dsl().fetchOne(SURVEY_INVITATIONS);
        assertThat(row.getTokenHash()).isEqualTo(SurveyToken.hash(issued.token())).hasSize(64).isNotEqualTo(issued.token());
        assertThat(row.getSource()).isEqualTo("zendesk");
        assertThat(row.getTicketId()).isEqualTo("101");
        assertThat(row.getCustomerId()).isEqualTo("cust-1");
        assertThat(row.getLocale()).isEqualTo("vi-VN");
        assertThat(row.getCreatedAt().toInstant()).isEqualTo(T0);
        // default survey.invitation_ttl_days = 30: 2026-11-01T08:00Z + 30 x 86,400 s
        assertThat(row.getExpiresAt().toInstant()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(issued.links().survey()).isEqualTo("http://localhost:7070/s/" + issued.token());
        assertThat(issued.links().oneTap()).hasSize(11)
                .first().isEqualTo("http://localhost:7070/s/" + issued.token() + "?score=0");
        assertThat(issued.links().unsubscribe()).isEqualTo("http://localhost:7070/u/" + issued.token());
    }

    @Test
    void a_ticket_gets_one_invitation() {
        at(T0).issue(new TicketRef("zendesk", "101", null, null));
        IssueResult again = at(T0.plusSeconds(3600)).issue(new TicketRef("zendesk", "101", null, null));
        IssueResult otherSource = at(T0).issue(new TicketRef("freshdesk", "101", null, null));

        assertThat(again.outcome()).isEqualTo(IssueResult.Outcome.ALREADY_INVITED);
        assertThat(again.issued()).isEmpty();
        assertThat(otherSource.outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isEqualTo(2);
    }

    @Test
    void a_customer_invited_within_the_fatigue_window_is_skipped_and_invited_again_after_it() {
        at(T0).issue(new TicketRef("csv", "1", "alice", "en"));
        // default survey.fatigue_days = 30; 29 days later: skipped; exactly 30 days later: the
        // earlier invitation is no longer "in the last 30 days" (created_at > now - 30 d is false)
        IssueResult within = at(T0.plusSeconds(29 * 86_400L)).issue(new TicketRef("csv", "2", "alice", "en"));
        IssueResult after = at(T0.plusSeconds(30 * 86_400L)).issue(new TicketRef("csv", "3", "alice", "en"));
        IssueResult unknownCustomer = at(T0).issue(new TicketRef("csv", "4", null, "en"));
        IssueResult unknownCustomerAgain = at(T0).issue(new TicketRef("csv", "5", null, "en"));

        assertThat(within.outcome()).isEqualTo(IssueResult.Outcome.CUSTOMER_RECENTLY_INVITED);
        assertThat(after.outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
        assertThat(unknownCustomer.outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
        assertThat(unknownCustomerAgain.outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
    }

    @Test
    void find_returns_the_invitation_of_a_token_and_nothing_for_forged_ones() {
        String token = at(T0).issue(new TicketRef("csv", "1", "bob", "nb")).issued().orElseThrow().token();
        Invitations invitations = at(T0);

        Invitation found = invitations.find(token).orElseThrow();
        assertThat(found.ticketId()).isEqualTo("1");
        assertThat(found.locale()).isEqualTo("nb");
        assertThat(found.isExpired(Instant.parse("2026-12-01T07:59:59.999Z"))).isFalse();
        assertThat(found.isExpired(Instant.parse("2026-12-01T08:00:00Z"))).isTrue();
        assertThat(invitations.find(SurveyToken.generate())).isEmpty();
        assertThat(invitations.find(token.substring(1))).isEmpty();
        assertThat(invitations.find(SurveyToken.hash(token))).isEmpty();
        assertThat(invitations.find(null)).isEmpty();
        assertThat(invitations.find("' OR 1=1 --")).isEmpty();
    }

    @Test
    void tokens_are_unique_and_hash_to_hex_sha256() {
        assertThat(java.util.stream.Stream.generate(SurveyToken::generate).limit(1000).distinct().count()).isEqualTo(1000);
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(SurveyToken.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void an_unsubscribed_customer_is_never_invited_again() {
        store.dsl().insertInto(SURVEY_UNSUBSCRIBES).set(SURVEY_UNSUBSCRIBES.CUSTOMER_ID, "cust-1")
                .set(SURVEY_UNSUBSCRIBES.UNSUBSCRIBED_AT, T0.atOffset(ZoneOffset.UTC)).execute();

        IssueResult result = at(T0.plusSeconds(400L * 86_400)).issue(new TicketRef("zendesk", "101", "cust-1", "en"));

        assertThat(result.outcome()).isEqualTo(IssueResult.Outcome.UNSUBSCRIBED);
        assertThat(result.issued()).isEmpty();
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isZero();
    }

    @Test
    void a_companion_is_stored_with_the_invitation_or_neither_is() {
        List<Long> stored = new ArrayList<>();
        Invitations.Companion noAddress = companion(Optional.of(IssueResult.Outcome.NO_ADDRESS), stored, false);
        Invitations.Companion failing = companion(Optional.empty(), stored, true);
        Invitations.Companion storing = companion(Optional.empty(), stored, false);

        IssueResult refused = at(T0).issue(new TicketRef("csv", "1", "a", "en"), noAddress);
        assertThatThrownBy(() -> at(T0).issue(new TicketRef("csv", "2", "b", "en"), failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot compose");
        IssueResult issued = at(T0).issue(new TicketRef("csv", "3", "c", "en"), storing);

        assertThat(refused.outcome()).isEqualTo(IssueResult.Outcome.NO_ADDRESS);
        assertThat(issued.outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
        assertThat(store.dsl().selectFrom(SURVEY_INVITATIONS).fetch(SurveyInvitationsRecord::getTicketId))
                .as("the failing companion rolled its invitation back").containsExactly("3");
        assertThat(stored).containsExactly(issued.issued().orElseThrow().invitation().id());
    }

    @Test
    void issuing_a_list_in_one_transaction_applies_the_rules_as_one_by_one_would() {
        at(T0).issue(new TicketRef("csv", "old", "dora", "en"));
        store.dsl().insertInto(SURVEY_UNSUBSCRIBES).set(SURVEY_UNSUBSCRIBES.CUSTOMER_ID, "erin")
                .set(SURVEY_UNSUBSCRIBES.UNSUBSCRIBED_AT, T0.atOffset(ZoneOffset.UTC)).execute();
        List<Long> stored = new ArrayList<>();

        List<IssueResult> results = at(T0.plusSeconds(60)).issueAll(List.of(
                new TicketRef("csv", "1", "alice", "en"),
                new TicketRef("csv", "2", "alice", "en"),   // alice was invited by ticket 1, just now
                new TicketRef("csv", "1", "bob", "en"),     // ticket 1 again
                new TicketRef("csv", "old", "carol", "en"), // invited before this list
                new TicketRef("csv", "3", "dora", "en"),    // dora invited a minute ago
                new TicketRef("csv", "4", "erin", "en"),    // unsubscribed
                new TicketRef("csv", "5", "frank", "en")), companion(Optional.empty(), stored, false));

        assertThat(results).extracting(IssueResult::outcome).containsExactly(IssueResult.Outcome.ISSUED,
                IssueResult.Outcome.CUSTOMER_RECENTLY_INVITED, IssueResult.Outcome.ALREADY_INVITED,
                IssueResult.Outcome.ALREADY_INVITED, IssueResult.Outcome.CUSTOMER_RECENTLY_INVITED,
                IssueResult.Outcome.UNSUBSCRIBED, IssueResult.Outcome.ISSUED);
        assertThat(stored).containsExactly(results.get(0).issued().orElseThrow().invitation().id(),
                results.get(6).issued().orElseThrow().invitation().id());
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isEqualTo(3);
    }

    @Test
    void a_list_that_races_another_issuer_is_undone_whole_and_issued_one_by_one() {
        List<Long> stored = new ArrayList<>();
        Invitations.Companion storing = companion(Optional.empty(), stored, false);
        Invitations other = at(T0);
        // Between this list's check of ticket 2 and its insert, another issuer (the web API, on
        // its own connection) commits ticket 2's invitation.
        Invitations.Companion racing = new Invitations.Companion() {
            private boolean raced;

            @Override
            public Optional<IssueResult.Outcome> refusal(org.jooq.DSLContext tx, TicketRef ticket) {
                if (ticket.ticketId().equals("2") && !raced) {
                    raced = true;
                    assertThat(other.issue(ticket).outcome()).isEqualTo(IssueResult.Outcome.ISSUED);
                }
                return Optional.empty();
            }

            @Override
            public void store(org.jooq.DSLContext tx, IssueResult.Issued issued) {
                storing.store(tx, issued);
            }
        };

        List<IssueResult> results = at(T0).issueAll(List.of(new TicketRef("csv", "1", "a", "en"),
                new TicketRef("csv", "2", "b", "en"), new TicketRef("csv", "3", "c", "en")), racing);

        assertThat(results).extracting(IssueResult::outcome).containsExactly(IssueResult.Outcome.ISSUED,
                IssueResult.Outcome.ALREADY_INVITED, IssueResult.Outcome.ISSUED);
        assertThat(store.dsl().selectFrom(SURVEY_INVITATIONS).orderBy(SURVEY_INVITATIONS.TICKET_ID)
                .fetch(SurveyInvitationsRecord::getTicketId)).containsExactly("1", "2", "3");
        assertThat(store.dsl().selectFrom(SURVEY_INVITATIONS).where(SURVEY_INVITATIONS.ID.in(stored))
                .fetch(SurveyInvitationsRecord::getTicketId)).as("what the undone transaction stored is gone")
                .containsExactlyInAnyOrder("1", "3");
        // ticket 1 in the undone transaction, then tickets 1 and 3 one by one
        assertThat(stored).hasSize(3);
    }

    private static Invitations.Companion companion(Optional<IssueResult.Outcome> refusal, List<Long> stored,
                                                   boolean fails) {
        return new Invitations.Companion() {
            @Override
            public Optional<IssueResult.Outcome> refusal(org.jooq.DSLContext tx, TicketRef ticket) {
                return refusal;
            }

            @Override
            public void store(org.jooq.DSLContext tx, IssueResult.Issued issued) {
                if (fails) {
                    throw new IllegalStateException("cannot compose");
                }
                stored.add(issued.invitation().id());
            }
        };
    }
}
