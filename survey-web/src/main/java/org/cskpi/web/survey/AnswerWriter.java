package org.cskpi.web.survey;

import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for survey answers. One writer thread takes every answer waiting in the queue
 * (up to {@link #MAX_BATCH}), applies them in ONE transaction and completes their futures only
 * after the commit has returned; if the transaction fails, every answer in it fails and none is
 * acknowledged. With the store's {@code WRITE_DELAY=0} a returned commit is in the database
 * file, so an acknowledged answer survives {@code kill -9} of the server.
 *
 * <p>Because this thread is the only writer of {@code survey_responses} from the web app, the
 * read-then-write rules below (score counts once, comment editable for a while) need no locks.
 */
public final class AnswerWriter implements AutoCloseable {

    static final int MAX_BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);

    private record Pending(Answer answer, CompletableFuture<AnswerOutcome> done) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration editWindow;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public AnswerWriter(DSLContext dsl, Clock clock, Duration editWindow) {
        this.dsl = dsl;
        this.clock = clock;
        this.editWindow = editWindow;
        this.thread = new Thread(this::run, "survey-answer-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the answer; the future completes once its transaction has committed. */
    public CompletableFuture<AnswerOutcome> submit(Answer answer) {
        CompletableFuture<AnswerOutcome> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the answer writer is stopped"));
            return done;
        }
        queue.add(new Pending(answer, done));
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.done().completeExceptionally(new IllegalStateException("the answer writer stopped")));
    }

    private void commit(List<Pending> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            List<AnswerOutcome> outcomes = dsl.transactionResult(tx -> {
                List<AnswerOutcome> results = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    results.add(apply(tx.dsl(), pending.answer(), now));
                }
                return results;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            LOG.error("storing {} survey answers failed; none was acknowledged", batch.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private AnswerOutcome apply(DSLContext tx, Answer answer, Instant now) {
        long invitationId = answer.invitation().id();
        SurveyResponsesRecord existing = tx.selectFrom(SURVEY_RESPONSES)
                .where(SURVEY_RESPONSES.INVITATION_ID.eq(invitationId))
                .fetchOne();
        if (existing == null) {
            if (answer.score() == null) {
                return AnswerOutcome.NOT_ANSWERED;
            }
            tx.insertInto(SURVEY_RESPONSES)
                    .set(SURVEY_RESPONSES.INVITATION_ID, invitationId)
                    .set(SURVEY_RESPONSES.TICKET_ID, answer.invitation().ticketId())
                    .set(SURVEY_RESPONSES.CUSTOMER_ID, answer.invitation().customerId())
                    .set(SURVEY_RESPONSES.SCORE, answer.score())
                    .set(SURVEY_RESPONSES.COMMENT, answer.comment())
                    .set(SURVEY_RESPONSES.LOCALE, answer.locale())
                    .set(SURVEY_RESPONSES.ANSWERED_AT, utc(now))
                    .set(SURVEY_RESPONSES.ORIGIN, "survey")
                    .execute();
            return AnswerOutcome.RECORDED;
        }
        if (!now.isBefore(existing.getAnsweredAt().toInstant().plus(editWindow))) {
            return AnswerOutcome.ALREADY_ANSWERED;
        }
        tx.update(SURVEY_RESPONSES)
                .set(SURVEY_RESPONSES.COMMENT, answer.comment())
                .set(SURVEY_RESPONSES.COMMENT_UPDATED_AT, utc(now))
                .where(SURVEY_RESPONSES.ID.eq(existing.getId()))
                .execute();
        return AnswerOutcome.COMMENT_UPDATED;
    }

    /** Stops taking answers, stores those already queued, and waits for the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
