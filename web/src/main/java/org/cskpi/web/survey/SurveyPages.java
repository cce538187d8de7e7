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
    /** Each supported language's texts for a page, with the brand filled in: built once, not per request. */
    private final Map<String, Map<String, String>> pageTexts;

    public SurveyPages(String brand, Pages pages) {
        this.pages = pages;
        this.brand = brand;
        this.pageTexts = SurveyLocales.SUPPORTED.stream().collect(Collectors.toUnmodifiableMap(
                language -> language, language -> Map.copyOf(SurveyTexts.of(language).forPage(brand))));
    }

    /** Sends a rendered page as UTF-8 HTML (the charset is explicit for every browser). */
    public static void send(io.javalin.http.Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** What the form page shows: the score chosen so far, the comment typed, error keys. */
    public record Form(String token, Integer score, String comment, List<String> errors) {
    }

    public String form(SurveyTexts texts, Form form) {
        Map<String, Object> model = base(texts);
        model.put("token", form.token());
        model.put("selected", form.score() == null ? -1 : form.score());
        model.put("comment", form.comment() == null ? "" : form.comment());
        model.put("errors", form.errors().stream().map(texts::get).toList());
        model.put("scores", Scores.ALL);
        return pages.render("survey/form", model);
    }

    /** The thank-you page after a stored answer or comment, with the form to change the comment. */
    public String thanks(SurveyTexts texts, String token, String comment) {
        return pages.render("survey/thanks", commentForm(texts, token, comment, List.of()));
    }

    /**
     * What an answered link shows: the stored score, and the comment in the form to change it
     * ({@code editable}) or as plain text. {@code comment} is the one to put in the form (the
     * stored one, or the one just typed when {@code errors}, bundle keys, say why it was refused).
     */
    public record Answered(String token, int score, String comment, boolean editable, List<String> errors) {
    }

    public String answered(SurveyTexts texts, Answered answered) {
        Map<String, Object> model = commentForm(texts, answered.token(), answered.comment(), answered.errors());
        model.put("answered_score", texts.get("answered_score", Integer.toString(answered.score())));
        model.put("editable", answered.editable());
        return pages.render("survey/answered", model);
    }

    private Map<String, Object> commentForm(SurveyTexts texts, String token, String comment, List<String> errors) {
        Map<String, Object> model = base(texts);
        model.put("token", token);
        model.put("comment", comment == null ? "" : comment);
        model.put("errors", errors.stream().map(texts::get).toList());
        return model;
    }

    /** A page with a heading and one paragraph, both keys of the bundle. */
    public String notice(SurveyTexts texts, String headingKey, String bodyKey) {
        Map<String, Object> model = base(texts);
        model.put("heading", texts.get(headingKey));
        model.put("body", texts.get(bodyKey));
        return pages.render("survey/notice", model);
    }

    private Map<String, Object> base(SurveyTexts texts) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", texts.language());
        Map<String, String> page = pageTexts.get(texts.language());
        model.put("t", page != null ? page : texts.forPage(brand));
        model.put("brand", brand);
        return model;
    }
}
