package org.cskpi.web.survey;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for survey answers. One writer thread takes every answer waiting in the queue
 * (up to {@link #MAX_BATCH}), applies them in ONE transaction and completes their futures only
 * after the commit has returned; if the transaction fails, every answer in it fails and none is
 * acknowledged. With the store's {@code WRITE_DELAY=0} a returned commit is in the database
 * file, so an acknowledged answer survives {@code kill -9} of the server.
 *
 * <p>The writer keeps one connection with its statements prepared ({@link AnswerStatements});
 * after a failed batch it rolls back, drops that connection and opens a fresh one for the
 * next batch.
 *
 * <p>Because this thread is the only writer of {@code survey_responses} from the web app, the
 * edits' read-then-write (editable for a while after answering) needs no locks.
 */
public final class AnswerWriter implements AutoCloseable {

    static final int MAX_BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);

    private record Pending(Answer answer, CompletableFuture<AnswerOutcome> done) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration editWindow;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private AnswerStatements statements;

    public AnswerWriter(DataSource dataSource, Clock clock, Duration editWindow) {
        this.dataSource = dataSource;
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
        closeStatements();
    }

    private void commit(List<Pending> batch) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        List<AnswerOutcome> outcomes = new ArrayList<>(batch.size());
        try {
            if (statements == null) {
                statements = AnswerStatements.open(dataSource);
            }
            for (Pending pending : batch) {
                outcomes.add(apply(statements, pending.answer(), now));
            }
            statements.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.error("storing {} survey answers failed; none was acknowledged", batch.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(e));
            closeStatements();
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(outcomes.get(i));
        }
    }

    /**
     * A first score is stored with its comment by one insert that does nothing once the
     * invitation is answered; a later first score changes nothing, not even the comment, so the
     * stored score and comment always come from one request. Only an edit changes an answer:
     * its comment or its score, within the edit window counted from the first answer.
     */
    private AnswerOutcome apply(AnswerStatements sql, Answer answer, OffsetDateTime now) throws SQLException {
        if (answer.kind() == Answer.Kind.FIRST) {
            return sql.insertFirst(answer, now) ? AnswerOutcome.RECORDED : AnswerOutcome.ALREADY_ANSWERED;
        }
        AnswerStatements.Existing existing = sql.existing(answer.invitation().id());
        if (existing == null) {
            return AnswerOutcome.NOT_ANSWERED;
        }
        if (!now.toInstant().isBefore(existing.answeredAt().toInstant().plus(editWindow))) {
            return AnswerOutcome.ALREADY_ANSWERED;
        }
        if (answer.kind() == Answer.Kind.SCORE) {
            sql.updateScore(existing.id(), answer.score());
            return AnswerOutcome.SCORE_CHANGED;
        }
        sql.updateComment(existing.id(), answer.comment(), now);
        return AnswerOutcome.COMMENT_UPDATED;
    }

    private void closeStatements() {
        if (statements != null) {
            statements.close();
            statements = null;
        }
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
}
