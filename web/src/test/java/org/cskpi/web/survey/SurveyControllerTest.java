package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.web.survey.SurveyFixture.START;
import static org.cskpi.web.survey.SurveyFixture.post;

import io.javalin.testtools.FormBody;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.List;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyControllerTest {

    private final SurveyFixture survey = new SurveyFixture(10_000);

    @AfterEach
    void tearDown() {
        survey.close();
    }

    static String header(Response response, String name) {
        List<String> values = response.headers().get(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Test
    void survey_page_asks_the_question_with_the_brand_and_eleven_labelled_scores() {
        String token = survey.invite("1", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            Response page = client.get("/s/" + token);
            String html = page.body().string();
            assertThat(page.code()).isEqualTo(200);
            assertThat(html).contains("How likely are you to recommend Acme to a friend or colleague?")
                    .contains("<legend>").contains("<html lang=\"en\">")
                    .contains("not at all likely").contains("extremely likely")
                    .contains("What is the main reason for your score?")
                    .contains("method=\"post\" action=\"/s/" + token + "\"")
                    .doesNotContain("<script").doesNotContain("style=");
            for (int score = 0; score <= 10; score++) {
                assertThat(html).contains("<input type=\"radio\" name=\"score\" value=\"" + score + "\" id=\"score-" + score + "\"")
                        .contains("<label for=\"score-" + score + "\" class=\"pick");
            }
            assertThat(html).doesNotContain(" checked");
        });
        assertThat(survey.responses()).isEmpty();
    }

    @Test
    void valid_answer_is_stored_and_thanked() {
        String token = survey.invite("7", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            Response response = post(client, "/s/" + token, "9", "Quick & friendly <b>help</b>");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("Thanks — you gave 9")
                    .contains("Quick &amp; friendly &lt;b&gt;help&lt;/b&gt;").doesNotContain("<b>help");
        });
        SurveyResponsesRecord row = survey.responses().get(0);
        assertThat(survey.responses()).hasSize(1);
        assertThat(row.getTicketId()).isEqualTo("7");
        assertThat(row.getCustomerId()).isEqualTo("cust-7");
        assertThat(row.getScore()).isEqualTo(9);
        assertThat(row.getComment()).isEqualTo("Quick & friendly <b>help</b>");
        assertThat(row.getLocale()).isEqualTo("en");
        assertThat(row.getOrigin()).isEqualTo("survey");
        assertThat(row.getAnsweredAt().toInstant()).isEqualTo(START);
    }

    // "09", "+9", full-width "９" and Arabic-Indic "٧" all parse as integers; a score is only "0" to "10"
    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "abc", "9.5", "", "09", "+9", " 9", "\uFF19", "\u0667", "1\u0660"})
    void invalid_score_is_a_400_with_a_friendly_message_and_nothing_stored(String score) {
        String token = survey.invite("2", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            Response response = post(client, "/s/" + token, score, "kept text");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Please choose a score from 0 to 10.").contains("kept text");
        });
        assertThat(survey.responses()).isEmpty();
    }

    @Test
    void a_score_sent_twice_is_a_400_and_nothing_stored() {
        String token = survey.invite("2", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            FormBody form = new FormBody.Builder().add("score", "1").add("score", "10").add("comment", "kept text").build();
            Response response = client.request("/s/" + token, builder -> builder.post(form));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Please choose a score from 0 to 10.").contains("kept text")
                    .doesNotContain(" checked");
        });
        assertThat(survey.responses()).isEmpty();
    }

    @Test
    void missing_score_is_a_400() {
        String token = survey.invite("2", "hr");
        JavalinTest.test(survey.app, (server, client) -> {
            Response response = post(client, "/s/" + token, null, null);
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Molimo odaberite ocjenu od 0 do 10.");
        });
        assertThat(survey.responses()).isEmpty();
    }

    @Test
    void comment_of_2000_characters_is_stored_and_2001_is_a_400() {
        String ok = survey.invite("3", "en");
        String tooLong = survey.invite("4", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(post(client, "/s/" + ok, "5", "x".repeat(2000)).code()).isEqualTo(200);
            Response response = post(client, "/s/" + tooLong, "5", "y".repeat(2001));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Your comment is too long");
        });
        assertThat(survey.responses()).extracting(SurveyResponsesRecord::getTicketId).containsExactly("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "%3Cscript%3E"})
    void forged_token_shows_the_same_not_found_page_for_get_and_post(String forged) {
        survey.invite("5", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            Response get = client.get("/s/" + forged);
            String getBody = get.body().string();
            assertThat(get.code()).isEqualTo(404);
            assertThat(getBody).contains("Survey not found").doesNotContain("<script>");
            Response post = post(client, "/s/" + forged, "10", null);
            assertThat(post.code()).isEqualTo(404);
            assertThat(post.body().string()).isEqualTo(getBody);
        });
        assertThat(survey.responses()).isEmpty();
    }

    @Test
    void expired_token_takes_no_answer() {
        String token = survey.invite("6", "en");
        survey.clock.advance(Duration.ofDays(30));
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(client.get("/s/" + token).code()).isEqualTo(410);
            Response post = post(client, "/s/" + token, "10", null);
            assertThat(post.code()).isEqualTo(410);
            assertThat(post.body().string()).contains("This survey has closed");
        });
        assertThat(survey.responses()).isEmpty();
    }

    @Test
    void one_tap_link_preselects_the_score_and_stores_nothing_until_the_form_is_sent() {
        String token = survey.invite("10", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            String html = client.get("/s/" + token + "?score=8").body().string();
            assertThat(html).contains("value=\"8\" id=\"score-8\" aria-describedby=\"scale-hint\" checked")
                    // the page's script posts the chosen score at once (SurveyBrowserTest runs it)
                    .contains("<script src=\"/assets/survey.js\" defer></script>")
                    .contains("action=\"/s/" + token + "\" accept-charset=\"utf-8\" data-one-tap>");
            assertThat(html.split(" checked", -1)).hasSize(2);
            assertThat(survey.responses()).isEmpty();
            // a prefetcher following all eleven links changes nothing
            for (int score = 0; score <= 10; score++) {
                assertThat(client.get("/s/" + token + "?score=" + score).code()).isEqualTo(200);
            }
            assertThat(survey.responses()).isEmpty();
            assertThat(post(client, "/s/" + token, "8", "").code()).isEqualTo(200);
        });
        assertThat(survey.responses()).extracting(SurveyResponsesRecord::getScore).containsExactly(8);
        assertThat(survey.responses().get(0).getComment()).as("an empty box is no comment").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"score=09", "score=%EF%BC%99", "score=%D9%A7", "score=12", "score=", "score=1&score=10"})
    void one_tap_link_with_anything_but_one_plain_score_is_a_400_form_with_nothing_chosen(String query) {
        String token = survey.invite("10", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            Response page = client.get("/s/" + token + "?" + query);
            assertThat(page.code()).isEqualTo(400);
            assertThat(page.body().string()).contains("Please choose a score from 0 to 10.")
                    .contains("method=\"post\" action=\"/s/" + token + "\"").doesNotContain(" checked")
                    .doesNotContain("data-one-tap").doesNotContain("<script");
        });
        assertThat(survey.responses()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vi-VN | en          | vi | Bạn có sẵn lòng giới thiệu Acme",
            "th    | hr          | th | แนะนำ Acme",
            "nb_NO |             | nb | Hvor sannsynlig er det at du vil anbefale Acme",
            "no    |             | nb | Hvor sannsynlig",
            "      | lt,en;q=0.5 | lt | Kaip tikėtina, kad rekomenduotumėte Acme",
            "de    | de, hr;q=0.8, en;q=0.7 | hr | Koliko je vjerojatno da biste Acme",
            "      | fr-CA       | en | How likely are you to recommend Acme",
            "      |             | en | How likely are you to recommend Acme"})
    void language_comes_from_the_invitation_then_accept_language_then_english(
            String invitationLocale, String acceptLanguage, String lang, String question) {
        String token = survey.invite("11", invitationLocale);
        JavalinTest.test(survey.app, (server, client) -> {
            Response page = client.request("/s/" + token, b -> {
                if (acceptLanguage != null) {
                    b.header("Accept-Language", acceptLanguage);
                }
            });
            String html = page.body().string();
            assertThat(html).contains("<html lang=\"" + lang + "\">").contains(question);
            assertThat(header(page, "Content-Type")).contains("charset=utf-8");
        });
    }

    @Test
    void answer_is_stored_with_the_language_the_page_was_shown_in() {
        String token = survey.invite("12", "th-TH");
        JavalinTest.test(survey.app, (server, client) -> assertThat(post(client, "/s/" + token, "10", "ดีมาก").code()).isEqualTo(200));
        assertThat(survey.responses().get(0).getLocale()).isEqualTo("th");
        assertThat(survey.responses().get(0).getComment()).isEqualTo("ดีมาก");
    }

    @Test
    void requests_over_the_per_address_limit_get_429_and_store_nothing() {
        try (SurveyFixture limited = new SurveyFixture(3)) {
            String token = limited.invite("13", "en");
            JavalinTest.test(limited.app, (server, client) -> {
                for (int i = 0; i < 3; i++) {
                    assertThat(client.get("/s/" + token).code()).isEqualTo(200);
                }
                Response refused = post(client, "/s/" + token, "10", null);
                assertThat(refused.code()).isEqualTo(429);
                assertThat(header(refused, "Retry-After")).isEqualTo("20");
                assertThat(refused.body().string()).contains("Too many requests");
                // the limit covers the survey only
                assertThat(client.get("/health").code()).isEqualTo(200);
            });
            assertThat(limited.responses()).isEmpty();
        }
    }
}
