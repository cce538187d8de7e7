package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.cskpi.invitation.Invitation;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.IssueResult.Issued;
import org.cskpi.invitation.SurveyToken;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateReaderTest {

    private final Store store = TestWeb.store();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final Invitations invitations = new Invitations(store.dsl(), clock, TestWeb.config(1).survey());
    private final StateReader reader = new StateReader(store.dataSource(), 2);
    private final AnswerWriter writer = new AnswerWriter(store.dataSource(), clock, Duration.ofHours(24));

    @AfterEach
    void close() {
        writer.close();
        reader.close();
        store.close();
    }

    @Test
    void an_unknown_token_hash_finds_nothing() {
        assertThat(reader.find(SurveyToken.hash(SurveyToken.generate()))).isEmpty();
    }

    @Test
    void an_open_invitation_is_found_with_every_field_and_no_answer() {
        Issued issued = invitations.issue(new TicketRef("csv", "T-1", "C-9", "vi")).issued().orElseThrow();

        StateReader.Found found = reader.find(SurveyToken.hash(issued.token())).orElseThrow();

        assertThat(found.invitation()).isEqualTo(issued.invitation());
        assertThat(found.invitation().locale()).isEqualTo("vi");
        assertThat(found.answeredAt()).isNull();
        assertThat(found.score()).isNull();
        assertThat(found.comment()).isNull();
    }

    @Test
    void an_answered_invitation_is_found_with_its_answer_time_score_and_comment() {
        Issued issued = invitations.issue(new TicketRef("csv", "T-2", null, "en")).issued().orElseThrow();
        Invitation invitation = issued.invitation();
        writer.submit(new Answer(invitation, 9, "quick & <kind>", "en")).join();

        StateReader.Found found = reader.find(SurveyToken.hash(issued.token())).orElseThrow();

        assertThat(found.answeredAt()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(found.score()).isEqualTo(9);
        assertThat(found.comment()).isEqualTo("quick & <kind>");
    }

    @Test
    void more_concurrent_reads_than_connections_all_get_an_answer() throws Exception {
        Issued issued = invitations.issue(new TicketRef("csv", "T-3", null, "en")).issued().orElseThrow();
        String hash = SurveyToken.hash(issued.token());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var reads = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
            for (int i = 0; i < 200; i++) {
                reads.add(pool.submit(() -> reader.find(hash).orElseThrow().invitation().id()));
            }
            for (var read : reads) {
                assertThat(read.get()).isEqualTo(issued.invitation().id());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_closed_reader_refuses_reads() {
        reader.close();

        assertThatThrownBy(() -> reader.find(SurveyToken.hash(SurveyToken.generate())))
                .hasMessageContaining("closed");
    }
}
