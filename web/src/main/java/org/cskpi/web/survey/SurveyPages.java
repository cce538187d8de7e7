package org.cskpi.web.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cskpi.mail.survey.SurveyLocales;
import org.cskpi.mail.survey.SurveyTexts;
import org.cskpi.web.page.Pages;

/**
 * Renders the survey's pages from the templates under {@code templates/survey} ({@link Pages}
 * escapes every value, so a comment is shown exactly as typed and can never become markup).
 */
public final class SurveyPages {

    private final Pages pages;
    private final String brand;
    private final int editHours;
    /** Each supported language's texts for a page, with the brand and the edit hours filled in: built once, not per request. */
    private final Map<String, Map<String, String>> pageTexts;

    /** {@code editHours}: {@code survey.comment_edit_hours}, which the pages name. */
    public SurveyPages(String brand, int editHours, Pages pages) {
        this.pages = pages;
        this.brand = brand;
        this.editHours = editHours;
        this.pageTexts = SurveyLocales.SUPPORTED.stream().collect(Collectors.toUnmodifiableMap(
                language -> language, language -> Map.copyOf(texts(SurveyTexts.of(language)))));
    }

    /** Sends a rendered page as UTF-8 HTML (the charset is explicit for every browser). */
    public static void send(io.javalin.http.Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /**
     * What the form page shows: the score chosen so far, the comment typed, error keys.
     * {@code oneTap}: the page is a one-tap link's, and its script posts the chosen score at once.
     */
    public record Form(String token, Integer score, String comment, List<String> errors, boolean oneTap) {

        public Form(String token, Integer score, String comment, List<String> errors) {
            this(token, score, comment, errors, false);
        }
    }

    public String form(SurveyTexts texts, Form form) {
        Map<String, Object> model = base(texts);
        model.put("token", form.token());
        model.put("selected", form.score() == null ? -1 : form.score());
        model.put("comment", form.comment() == null ? "" : form.comment());
        model.put("errors", form.errors().stream().map(texts::get).toList());
        model.put("scores", Scores.ALL);
        model.put("one_tap", form.oneTap() && form.score() != null);
        return pages.render("survey/form", model);
    }

    /**
     * The thank-you page of an answer that may still change: the score given, {@code notice}
     * (a bundle key, or null) saying what was just saved, the comment form and the score picker.
     * {@code comment} is the one to put in the form; {@code errors} (bundle keys) say why an edit
     * was refused.
     */
    public record Thanks(String token, int score, String comment, String notice, List<String> errors) {
    }

    public String thanks(SurveyTexts texts, Thanks thanks) {
        Map<String, Object> model = commentForm(texts, thanks.token(), thanks.comment(), thanks.errors());
        model.put("thanks_score", texts.get("thanks_score", thanks.score()));
        model.put("notice", thanks.notice() == null ? null : texts.get(thanks.notice()));
        model.put("given", thanks.score());
        return pages.render("survey/thanks", model);
    }

    /**
     * What an answered link shows when it takes no new answer (a replayed first answer, or the
     * edit window closed): the stored score, and the comment in the form to change it
     * ({@code editable}) or as plain text. {@code comment} is the one to put in the form.
     */
    public record Answered(String token, int score, String comment, boolean editable, List<String> errors) {
    }

    public String answered(SurveyTexts texts, Answered answered) {
        Map<String, Object> model = commentForm(texts, answered.token(), answered.comment(), answered.errors());
        model.put("answered_score", texts.get("answered_score", Integer.toString(answered.score())));
        model.put("editable", answered.editable());
        model.put("given", answered.score());
        return pages.render("survey/answered", model);
    }

    private Map<String, Object> commentForm(SurveyTexts texts, String token, String comment, List<String> errors) {
        Map<String, Object> model = base(texts);
        model.put("token", token);
        model.put("comment", comment == null ? "" : comment);
        model.put("errors", errors.stream().map(texts::get).toList());
        model.put("scores", Scores.ALL);
        return model;
    }

    /** A page with a heading and one paragraph, both keys of the bundle. */
    public String notice(SurveyTexts texts, String headingKey, String bodyKey) {
        Map<String, Object> model = base(texts);
        model.put("heading", texts.get(headingKey));
        model.put("body", texts.get(bodyKey));
        return pages.render("survey/notice", model);
    }

    /** The unsubscribe page: its one button ({@code done} false), or the confirmation. */
    public String unsubscribe(SurveyTexts texts, String token, boolean done) {
        Map<String, Object> model = base(texts);
        model.put("token", token);
        model.put("done", done);
        return pages.render("survey/unsubscribe", model);
    }

    private Map<String, Object> base(SurveyTexts texts) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", texts.language());
        Map<String, String> page = pageTexts.get(texts.language());
        model.put("t", page != null ? page : texts(texts));
        model.put("brand", brand);
        return model;
    }

    private Map<String, String> texts(SurveyTexts texts) {
        Map<String, String> page = texts.forPage(brand);
        page.put("comment_edit_hint", texts.get("comment_edit_hint", editHours));
        return page;
    }
}
