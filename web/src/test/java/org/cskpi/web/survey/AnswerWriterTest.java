package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cskpi.invitation.Invitation;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswerWriterTest {

    private final Store store = TestWeb.store();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final Invitations invitations = new Invitations(store.dsl(), clock, TestWeb.config(1).survey());
    private final AnswerWriter writer = new AnswerWriter(store.dataSource(), clock, Duration.ofHours(24));

    @AfterEach
    void close() {
        writer.close();
        store.close();
    }

    private Invitation invitation(String ticket) {
        return invitations.issue(new TicketRef("csv", ticket, null, "en")).issued().orElseThrow().invitation();
    }

    @Test
    void concurrent_answers_are_all_committed_once() throws Exception {
        List<Invitation> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            all.add(invitation("t" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<AnswerOutcome>> outcomes = new ArrayList<>();
            for (Invitation invitation : all) {
                outcomes.add(pool.submit(() -> writer.submit(new Answer(invitation, 7, "c", "en")).join()));
            }
            for (Future<AnswerOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo(AnswerOutcome.RECORDED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.dsl().fetchCount(SURVEY_RESPONSES)).isEqualTo(400);
        assertThat(store.dsl().fetchCount(SURVEY_RESPONSES, SURVEY_RESPONSES.SCORE.eq(7))).isEqualTo(400);
    }

    @Test
    void a_second_answer_to_one_invitation_changes_nothing() {
        Invitation invitation = invitation("x");
        CompletableFuture<AnswerOutcome> first = writer.submit(new Answer(invitation, 2, "first", "en"));
        CompletableFuture<AnswerOutcome> second = writer.submit(new Answer(invitation, 9, "second", "en"));

        assertThat(first.join()).isEqualTo(AnswerOutcome.RECORDED);
        assertThat(second.join()).isEqualTo(AnswerOutcome.ALREADY_ANSWERED);
        var row = store.dsl().fetchOne(SURVEY_RESPONSES);
        assertThat(row.getScore()).isEqualTo(2);
        assertThat(row.getComment()).isEqualTo("first");
        assertThat(row.getCommentUpdatedAt()).isNull();
    }

    @Test
    void concurrent_first_answers_to_one_invitation_store_exactly_one_of_them_whole() throws Exception {
        Invitation invitation = invitation("race");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<AnswerOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Answer answer = new Answer(invitation, i % 11, "answer " + i, "en");
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return writer.submit(answer).join();
                }));
            }
            start.countDown();
            List<String> recorded = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                AnswerOutcome outcome = outcomes.get(i).get();
                assertThat(outcome).isIn(AnswerOutcome.RECORDED, AnswerOutcome.ALREADY_ANSWERED);
                if (outcome == AnswerOutcome.RECORDED) {
                    recorded.add(i % 11 + " answer " + i);
                }
            }
            var row = store.dsl().fetchOne(SURVEY_RESPONSES);
            assertThat(recorded).containsExactly(row.getScore() + " " + row.getComment());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_comment_alone_changes_only_the_comment_and_only_within_the_edit_window() {
        Invitation invitation = invitation("edit");
        assertThat(writer.submit(new Answer(invitation, null, "early", "en")).join()).isEqualTo(AnswerOutcome.NOT_ANSWERED);
        writer.submit(new Answer(invitation, 6, "first", "en")).join();
        clock.advance(Duration.ofHours(23));

        assertThat(writer.submit(new Answer(invitation, null, "second", "en")).join()).isEqualTo(AnswerOutcome.COMMENT_UPDATED);
        clock.advance(Duration.ofHours(1));
        assertThat(writer.submit(new Answer(invitation, null, "late", "en")).join()).isEqualTo(AnswerOutcome.ALREADY_ANSWERED);

        var row = store.dsl().fetchOne(SURVEY_RESPONSES);
        assertThat(row.getScore()).isEqualTo(6);
        assertThat(row.getComment()).isEqualTo("second");
    }

    @Test
    void a_score_change_replaces_only_the_score_and_only_within_the_edit_window() {
        Invitation invitation = invitation("rescore");
        assertThat(writer.submit(Answer.scoreChange(invitation, 3, "en")).join()).isEqualTo(AnswerOutcome.NOT_ANSWERED);
        writer.submit(new Answer(invitation, 9, "kind", "en")).join();
        clock.advance(Duration.ofHours(23));

        assertThat(writer.submit(Answer.scoreChange(invitation, 4, "en")).join()).isEqualTo(AnswerOutcome.SCORE_CHANGED);
        var changed = store.dsl().fetchOne(SURVEY_RESPONSES);
        clock.advance(Duration.ofHours(1));
        assertThat(writer.submit(Answer.scoreChange(invitation, 10, "en")).join()).isEqualTo(AnswerOutcome.ALREADY_ANSWERED);

        var row = store.dsl().fetchOne(SURVEY_RESPONSES);
        assertThat(row.getScore()).isEqualTo(4);
        assertThat(row.getComment()).isEqualTo("kind");
        assertThat(row.getAnsweredAt()).as("the edit window stays counted from the first answer").isEqualTo(changed.getAnsweredAt());
        assertThat(row.getCommentUpdatedAt()).isNull();
    }

    @Test
    void a_failed_transaction_acknowledges_nothing() {
        Invitation invitation = invitation("y");
        store.close();

        CompletableFuture<AnswerOutcome> outcome = writer.submit(new Answer(invitation, 5, null, "en"));

        assertThatThrownBy(outcome::join).isInstanceOf(CompletionException.class);
    }

    @Test
    void after_a_failed_batch_the_writer_rolls_it_back_and_stores_the_next_one() {
        Invitation rejected = invitation("bad");
        Invitation accepted = invitation("good");

        CompletableFuture<AnswerOutcome> outOfRange = writer.submit(new Answer(rejected, 11, null, "en"));
        assertThatThrownBy(outOfRange::join).isInstanceOf(CompletionException.class);
        AnswerOutcome next = writer.submit(new Answer(accepted, 4, "ok", "en")).join();

        assertThat(next).isEqualTo(AnswerOutcome.RECORDED);
        assertThat(store.dsl().selectFrom(SURVEY_RESPONSES).fetch(SURVEY_RESPONSES.INVITATION_ID))
                .containsExactly(accepted.id());
    }

    @Test
    void a_stopped_writer_refuses_new_answers() {
        Invitation invitation = invitation("z");
        writer.close();

        assertThatThrownBy(() -> writer.submit(new Answer(invitation, 5, null, "en")).join())
                .hasMessageContaining("stopped");
        assertThat(store.dsl().fetchCount(SURVEY_RESPONSES)).isZero();
    }
}
