package org.cskpi.web.survey;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.validation.Validation;
import io.javalin.validation.ValidationError;
import io.javalin.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cskpi.mail.survey.SurveyLocales;
import org.cskpi.mail.survey.SurveyTexts;

/**
 * The survey pages (HTTP only; rules in {@link SurveyService}).
 *
 * <p>One-tap links ({@code GET /s/{token}?score=N}) never store anything on the GET: it shows
 * the form with N already selected, and the page's script ({@code /assets/survey.js}) posts that
 * form at once, as the customer's tap on "Send" would without script. Mail scanners and link
 * prefetchers follow GET links without running the page, so a score stored on GET would be one
 * the customer may never have chosen (docs/web.md#one-tap-answers). An N that is not one score
 * {@link Scores} takes gives the same form as a 400, with nothing selected and no script post.
 *
 * <p>No POST here carries a CSRF token: the link's secret token in the path is what authorises
 * it, and no cookie or session is read.
 */
public final class SurveyController {

    static final int MAX_COMMENT = 2_000;

    private final SurveyService service;
    private final SurveyPages pages;

    public SurveyController(SurveyService service, SurveyPages pages) {
        this.service = service;
        this.pages = pages;
    }

    /** {@code GET /s/{token}}: the form, or the page for the link's state. */
    public void show(Context ctx) {
        String token = ctx.pathParam("token");
        SurveyState state = service.state(token);
        SurveyTexts texts = texts(ctx, state);
        switch (state.kind()) {
            case OPEN -> {
                List<String> sent = ctx.queryParams("score");
                if (sent.isEmpty() || Scores.isSingle(sent)) {
                    Integer preselected = Scores.single(sent).orElse(null);
                    SurveyPages.send(ctx, pages.form(texts, new SurveyPages.Form(token, preselected, "", List.of(), true)));
                } else {
                    SurveyPages.send(ctx.status(HttpStatus.BAD_REQUEST),
                            pages.form(texts, new SurveyPages.Form(token, null, "", List.of("error_score"))));
                }
            }
            case ANSWERED_EDITABLE -> SurveyPages.send(ctx, pages.thanks(texts,
                    new SurveyPages.Thanks(token, state.score(), state.comment(), null, List.of())));
            default -> closed(ctx, texts, token, state);
        }
    }

    /**
     * {@code POST /s/{token}}: one score 0-10 ({@link Scores}) and an optional comment of at most
     * 2,000 characters, for a link not yet answered. A link already answered stores nothing from
     * it, not even the comment (that is the comment edit's job), and shows the stored answer.
     */
    public void submit(Context ctx) {
        String token = ctx.pathParam("token");
        Validator<List<String>> score = ctx.formParamsAsClass("score", String.class).check(Scores::isSingle, "error_score");
        Validator<String> comment = commentValidator(ctx);
        SurveyState state = service.state(token);
        SurveyTexts texts = texts(ctx, state);
        if (state.kind() != SurveyState.Kind.OPEN) {
            closed(ctx, texts, token, state);
            return;
        }
        Map<String, List<ValidationError<Object>>> errors = Validation.collectErrors(score, comment);
        Integer chosen = Scores.single(ctx.formParams("score")).orElse(null);
        if (!errors.isEmpty()) {
            String typed = ctx.formParam("comment");
            SurveyPages.send(ctx.status(HttpStatus.BAD_REQUEST), pages.form(texts,
                    new SurveyPages.Form(token, chosen, typed, errorKeys(errors))));
            return;
        }
        store(ctx, texts, state, new Answer(state.invitation().orElseThrow(), chosen, typed(comment), texts.language()));
    }

    /** {@code POST /s/{token}/comment}: a new comment for an answer given within the edit window. */
    public void editComment(Context ctx) {
        String token = ctx.pathParam("token");
        Validator<String> comment = commentValidator(ctx);
        SurveyState state = service.state(token);
        SurveyTexts texts = texts(ctx, state);
        if (state.kind() != SurveyState.Kind.ANSWERED_EDITABLE) {
            closed(ctx, texts, token, state);
            return;
        }
        Map<String, List<ValidationError<Object>>> errors = Validation.collectErrors(comment);
        if (!errors.isEmpty()) {
            SurveyPages.send(ctx.status(HttpStatus.BAD_REQUEST), pages.thanks(texts, new SurveyPages.Thanks(token,
                    state.score(), ctx.formParam("comment"), null, List.of("error_comment_length"))));
            return;
        }
        store(ctx, texts, state, new Answer(state.invitation().orElseThrow(), null, typed(comment), texts.language()));
    }

    /** {@code POST /s/{token}/score}: a new score (one, as {@link Scores} takes) for an answer given within the edit window. */
    public void changeScore(Context ctx) {
        String token = ctx.pathParam("token");
        SurveyState state = service.state(token);
        SurveyTexts texts = texts(ctx, state);
        if (state.kind() != SurveyState.Kind.ANSWERED_EDITABLE) {
            closed(ctx, texts, token, state);
            return;
        }
        Integer chosen = Scores.single(ctx.formParams("score")).orElse(null);
        if (chosen == null) {
            SurveyPages.send(ctx.status(HttpStatus.BAD_REQUEST), pages.thanks(texts,
                    new SurveyPages.Thanks(token, state.score(), state.comment(), null, List.of("error_score"))));
            return;
        }
        store(ctx, texts, state, Answer.scoreChange(state.invitation().orElseThrow(), chosen, texts.language()));
    }

    /** Stores the answer, then shows the thank-you page with what is now stored, or why nothing was. */
    private void store(Context ctx, SurveyTexts texts, SurveyState state, Answer answer) {
        String token = ctx.pathParam("token");
        AnswerOutcome outcome = service.answer(answer).join();
        switch (outcome) {
            case RECORDED -> SurveyPages.send(ctx, pages.thanks(texts,
                    new SurveyPages.Thanks(token, answer.score(), answer.comment(), null, List.of())));
            case COMMENT_UPDATED -> SurveyPages.send(ctx, pages.thanks(texts,
                    new SurveyPages.Thanks(token, state.score(), answer.comment(), "comment_saved", List.of())));
            case SCORE_CHANGED -> SurveyPages.send(ctx, pages.thanks(texts,
                    new SurveyPages.Thanks(token, answer.score(), state.comment(), "score_saved", List.of())));
            // another request answered first, or the edit window closed meanwhile: show what is stored
            case ALREADY_ANSWERED -> closed(ctx, texts, token, service.state(token));
            case NOT_ANSWERED -> closed(ctx, texts, token, SurveyState.unknown());
        }
    }

    private static Validator<String> commentValidator(Context ctx) {
        return ctx.formParamAsClass("comment", String.class)
                .check(text -> text == null || text.length() <= MAX_COMMENT, "error_comment_length");
    }

    /** The comment exactly as typed; an empty box is no comment (null). */
    private static String typed(Validator<String> comment) {
        String text = comment.getOrNull();
        return text == null || text.isEmpty() ? null : text;
    }

    /** The page of a link that takes no score now: expired (410), answered (409, the stored answer) or unknown (404). */
    private void closed(Context ctx, SurveyTexts texts, String token, SurveyState state) {
        switch (state.kind()) {
            case EXPIRED -> SurveyPages.send(ctx.status(HttpStatus.GONE), pages.notice(texts, "expired_heading", "expired_body"));
            case ANSWERED_FINAL, ANSWERED_EDITABLE -> SurveyPages.send(ctx.status(HttpStatus.CONFLICT),
                    pages.answered(texts, answered(token, state, state.comment(), List.of())));
            default -> SurveyPages.send(ctx.status(HttpStatus.NOT_FOUND), pages.notice(texts, "unknown_heading", "unknown_body"));
        }
    }

    /** An answered link's page: its stored score, with {@code comment} in the edit form while it may change. */
    private static SurveyPages.Answered answered(String token, SurveyState state, String comment, List<String> errors) {
        return new SurveyPages.Answered(token, state.score(), comment,
                state.kind() == SurveyState.Kind.ANSWERED_EDITABLE, errors);
    }

    private static List<String> errorKeys(Map<String, List<ValidationError<Object>>> errors) {
        List<String> keys = new ArrayList<>();
        if (errors.containsKey("score")) {
            keys.add("error_score");
        }
        if (errors.containsKey("comment")) {
            keys.add("error_comment_length");
        }
        return keys;
    }

    private static SurveyTexts texts(Context ctx, SurveyState state) {
        return SurveyTexts.of(SurveyLocales.choose(state.invitationLocale(), ctx.header("Accept-Language")));
    }

}
