package org.cskpi.web.survey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cskpi.invitation.Invitation;
import org.cskpi.invitation.SurveyToken;

/**
 * The survey's rules, free of HTTP: which state a link is in, and storing answers through the
 * {@link AnswerWriter}. An expired invitation takes no new score; an answered one takes a new
 * comment or a new score within the edit window ({@code survey.comment_edit_hours}) and nothing
 * after.
 */
public final class SurveyService {

    private final StateReader reader;
    private final AnswerWriter writer;
    private final Clock clock;
    private final Duration editWindow;
    private final Counter recorded;
    private final Counter commentsUpdated;
    private final Counter scoresChanged;

    SurveyService(StateReader reader, AnswerWriter writer, Clock clock,
                  Duration editWindow, MeterRegistry metrics) {
        this.reader = reader;
        this.writer = writer;
        this.clock = clock;
        this.editWindow = editWindow;
        this.recorded = Counter.builder("survey.responses.recorded").description("NPS answers stored").register(metrics);
        this.commentsUpdated = Counter.builder("survey.comments.updated").description("comments changed after answering").register(metrics);
        this.scoresChanged = Counter.builder("survey.scores.changed").description("scores changed after answering").register(metrics);
    }

    /**
     * The state of a link, read with ONE query (invitation by token hash, left-joined to its
     * answer): this runs on every survey request.
     */
    public SurveyState state(String token) {
        if (!SurveyToken.wellFormed(token)) {
            return SurveyState.unknown();
        }
        Optional<StateReader.Found> found = reader.find(SurveyToken.hash(token));
        if (found.isEmpty()) {
            return SurveyState.unknown();
        }
        Invitation invitation = found.get().invitation();
        OffsetDateTime answeredAt = found.get().answeredAt();
        Instant now = clock.instant();
        if (answeredAt != null) {
            boolean editable = now.isBefore(answeredAt.toInstant().plus(editWindow));
            return new SurveyState(editable ? SurveyState.Kind.ANSWERED_EDITABLE : SurveyState.Kind.ANSWERED_FINAL,
                    Optional.of(invitation), found.get().score(), found.get().comment());
        }
        return new SurveyState(invitation.isExpired(now) ? SurveyState.Kind.EXPIRED : SurveyState.Kind.OPEN,
                Optional.of(invitation), null, null);
    }

    /** Stores the answer; the future completes after the commit (group commit). */
    public CompletableFuture<AnswerOutcome> answer(Answer answer) {
        return writer.submit(answer).thenApply(outcome -> {
            if (outcome == AnswerOutcome.RECORDED) {
                recorded.increment();
            } else if (outcome == AnswerOutcome.COMMENT_UPDATED) {
                commentsUpdated.increment();
            } else if (outcome == AnswerOutcome.SCORE_CHANGED) {
                scoresChanged.increment();
            }
            return outcome;
        });
    }
}
