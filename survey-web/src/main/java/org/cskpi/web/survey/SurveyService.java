package org.cskpi.web.survey;

import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cskpi.invitation.Invitation;
import org.cskpi.invitation.Invitations;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.jooq.DSLContext;

/**
 * The survey's rules, free of HTTP: which state a link is in, and storing answers through the
 * {@link AnswerWriter}. An expired invitation takes no new score; an answered one takes a new
 * comment within the edit window ({@code survey.comment_edit_hours}) and nothing after.
 */
public final class SurveyService {

    private final Invitations invitations;
    private final DSLContext dsl;
    private final AnswerWriter writer;
    private final Clock clock;
    private final Duration editWindow;
    private final Counter recorded;
    private final Counter commentsUpdated;

    public SurveyService(Invitations invitations, DSLContext dsl, AnswerWriter writer, Clock clock,
                         Duration editWindow, MeterRegistry metrics) {
        this.invitations = invitations;
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.editWindow = editWindow;
        this.recorded = Counter.builder("survey.responses.recorded").description("NPS answers stored").register(metrics);
        this.commentsUpdated = Counter.builder("survey.comments.updated").description("comments changed after answering").register(metrics);
    }

    public SurveyState state(String token) {
        Optional<Invitation> found = invitations.find(token);
        if (found.isEmpty()) {
            return SurveyState.unknown();
        }
        Invitation invitation = found.get();
        SurveyResponsesRecord response = dsl.selectFrom(SURVEY_RESPONSES)
                .where(SURVEY_RESPONSES.INVITATION_ID.eq(invitation.id()))
                .fetchOne();
        Instant now = clock.instant();
        if (response != null) {
            boolean editable = now.isBefore(response.getAnsweredAt().toInstant().plus(editWindow));
            return new SurveyState(editable ? SurveyState.Kind.ANSWERED_EDITABLE : SurveyState.Kind.ANSWERED_FINAL,
                    found, response.getComment());
        }
        return new SurveyState(invitation.isExpired(now) ? SurveyState.Kind.EXPIRED : SurveyState.Kind.OPEN, found, null);
    }

    /** Stores the answer; the future completes after the commit (group commit). */
    public CompletableFuture<AnswerOutcome> answer(Answer answer) {
        return writer.submit(answer).thenApply(outcome -> {
            if (outcome == AnswerOutcome.RECORDED) {
                recorded.increment();
            } else if (outcome == AnswerOutcome.COMMENT_UPDATED) {
                commentsUpdated.increment();
            }
            return outcome;
        });
    }
}
