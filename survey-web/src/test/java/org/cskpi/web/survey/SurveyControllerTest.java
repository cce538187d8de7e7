package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.Response;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.IssueResult;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyControllerTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private Store store;
    private MutableClock clock;
    private Javalin app;
    private Invitations invitations;

    @BeforeEach
    void setUp() {
        store = TestWeb.store();
        clock = new MutableClock(START);
        app = WebApp.create(new WebDeps(TestWeb.config(10_000), store, clock,
                WebDeps.of(TestWeb.config(1), store, clock).metrics()));
        invitations = new Invitations(store.dsl(), clock, TestWeb.config(1).survey());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private String invite(String ticketId, String locale) {
        IssueResult result = invitations.issue(new TicketRef("zendesk", ticketId, "cust-" + ticketId, locale));
        return result.issued().orElseThrow().token();
    }

    private static Response post(io.javalin.testtools.HttpClient client, String path, String score, String comment) {
        FormBody.Builder form = new FormBody.Builder();
        if (score != null) {
            form.add("score", score);
        }
        if (comment != null) {
            form.add("comment", comment);
        }
        return client.request(path, builder -> builder.post(form.build()));
    }

    static String header(Response response, String name) {
        List<String> values = response.headers().get(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private List<SurveyResponsesRecord> responses() {
        return store.dsl().selectFrom(SURVEY_RESPONSES).orderBy(SURVEY_RESPONSES.ID).fetch();
    }

    @Test
    void survey_page_asks_the_question_with_the_brand_and_eleven_labelled_scores() {
        String token = invite("1", "en");
        JavalinTest.test(app, (server, client) -> {
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
                        .contains("<label for=\"score-" + score + "\">" + score);
            }
            assertThat(html).doesNotContain(" checked");
        });
        assertThat(responses()).isEmpty();
    }

    @Test
    void valid_answer_is_stored_and_thanked() {
        String token = invite("7", "en");
        JavalinTest.test(app, (server, client) -> {
            Response response = post(client, "/s/" + token, "9", "Quick & friendly <b>help</b>");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("Thank you!")
                    .contains("Quick &amp; friendly &lt;b&gt;help&lt;/b&gt;").doesNotContain("<b>help");
        });
        SurveyResponsesRecord row = responses().get(0);
        assertThat(responses()).hasSize(1);
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
        String token = invite("2", "en");
        JavalinTest.test(app, (server, client) -> {
            Response response = post(client, "/s/" + token, score, "kept text");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Please choose a score from 0 to 10.").contains("kept text");
        });
        assertThat(responses()).isEmpty();
    }

    @Test
    void a_score_sent_twice_is_a_400_and_nothing_stored() {
        String token = invite("2", "en");
        JavalinTest.test(app, (server, client) -> {
            FormBody form = new FormBody.Builder().add("score", "1").add("score", "10").add("comment", "kept text").build();
            Response response = client.request("/s/" + token, builder -> builder.post(form));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Please choose a score from 0 to 10.").contains("kept text")
                    .doesNotContain(" checked");
        });
        assertThat(responses()).isEmpty();
    }

    @Test
    void missing_score_is_a_400() {
        String token = invite("2", "hr");
        JavalinTest.test(app, (server, client) -> {
            Response response = post(client, "/s/" + token, null, null);
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Molimo odaberite ocjenu od 0 do 10.");
        });
        assertThat(responses()).isEmpty();
    }

    @Test
    void comment_of_2000_characters_is_stored_and_2001_is_a_400() {
        String ok = invite("3", "en");
        String tooLong = invite("4", "en");
        JavalinTest.test(app, (server, client) -> {
            assertThat(post(client, "/s/" + ok, "5", "x".repeat(2000)).code()).isEqualTo(200);
            Response response = post(client, "/s/" + tooLong, "5", "y".repeat(2001));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Your comment is too long");
        });
        assertThat(responses()).extracting(SurveyResponsesRecord::getTicketId).containsExactly("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "%3Cscript%3E"})
    void forged_token_shows_the_same_not_found_page_for_get_and_post(String forged) {
        invite("5", "en");
        JavalinTest.test(app, (server, client) -> {
            Response get = client.get("/s/" + forged);
            String getBody = get.body().string();
            assertThat(get.code()).isEqualTo(404);
            assertThat(getBody).contains("Survey not found").doesNotContain("<script>");
            Response post = post(client, "/s/" + forged, "10", null);
            assertThat(post.code()).isEqualTo(404);
            assertThat(post.body().string()).isEqualTo(getBody);
        });
        assertThat(responses()).isEmpty();
    }

    @Test
    void expired_token_takes_no_answer() {
        String token = invite("6", "en");
        clock.advance(Duration.ofDays(30));
        JavalinTest.test(app, (server, client) -> {
            assertThat(client.get("/s/" + token).code()).isEqualTo(410);
            Response post = post(client, "/s/" + token, "10", null);
            assertThat(post.code()).isEqualTo(410);
            assertThat(post.body().string()).contains("This survey has closed");
        });
        assertThat(responses()).isEmpty();
    }

    @Test
    void score_counts_once_and_only_the_comment_edit_changes_the_comment_for_24_hours() {
        String token = invite("8", "en");
        JavalinTest.test(app, (server, client) -> {
            assertThat(post(client, "/s/" + token, "3", "slow").code()).isEqualTo(200);
            clock.advance(Duration.ofHours(23));
            // a second answer changes nothing: neither the score nor the comment
            Response replay = post(client, "/s/" + token, "10", "slow, but solved");
            assertThat(replay.code()).isEqualTo(409);
            assertThat(replay.body().string()).doesNotContain("Your answer has been saved").doesNotContain("slow, but solved");
            assertThat(client.get("/s/" + token).body().string()).contains(">slow</textarea>").contains("/comment");
            assertThat(post(client, "/s/" + token + "/comment", null, "final words").code()).isEqualTo(200);
            clock.advance(Duration.ofHours(1));
            Response late = post(client, "/s/" + token + "/comment", null, "too late");
            assertThat(late.code()).isEqualTo(409);
            assertThat(late.body().string()).contains("Already answered");
            assertThat(post(client, "/s/" + token, "0", null).code()).isEqualTo(409);
            assertThat(client.get("/s/" + token).code()).isEqualTo(409);
        });
        assertThat(responses()).hasSize(1);
        SurveyResponsesRecord row = responses().get(0);
        assertThat(row.getScore()).isEqualTo(3);
        assertThat(row.getComment()).isEqualTo("final words");
        assertThat(row.getCommentUpdatedAt().toInstant()).isEqualTo(START.plus(Duration.ofHours(23)));
    }

    @Test
    void a_replayed_answer_shows_the_stored_answer_with_the_comment_form_only_while_it_can_change() {
        String token = invite("14", "en");
        JavalinTest.test(app, (server, client) -> {
            assertThat(post(client, "/s/" + token, "9", "kind <b>help</b>").code()).isEqualTo(200);
            Response replay = post(client, "/s/" + token, "2", "changed my mind");
            assertThat(replay.code()).isEqualTo(409);
            assertThat(replay.body().string()).contains("Already answered").contains("You answered 9.")
                    .contains("action=\"/s/" + token + "/comment\"").contains(">kind &lt;b&gt;help&lt;/b&gt;</textarea>")
                    .doesNotContain("Your answer has been saved").doesNotContain("changed my mind");
            Response again = client.get("/s/" + token);
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.body().string()).contains("You answered 9.").contains("<textarea");

            clock.advance(Duration.ofHours(24));
            for (Response late : List.of(post(client, "/s/" + token, "2", "changed my mind"), client.get("/s/" + token),
                    post(client, "/s/" + token + "/comment", null, "changed my mind"))) {
                assertThat(late.code()).isEqualTo(409);
                assertThat(late.body().string()).contains("You answered 9.").contains("kind &lt;b&gt;help&lt;/b&gt;")
                        .doesNotContain("<textarea").doesNotContain("changed my mind");
            }
        });
        assertThat(responses()).extracting(SurveyResponsesRecord::getScore, SurveyResponsesRecord::getComment,
                SurveyResponsesRecord::getCommentUpdatedAt).containsExactly(tuple(9, "kind <b>help</b>", null));
    }

    @Test
    void a_too_long_comment_edit_is_a_400_that_keeps_the_stored_answer_and_the_typed_text() {
        String token = invite("15", "lt");
        JavalinTest.test(app, (server, client) -> {
            assertThat(post(client, "/s/" + token, "4", "lėtai").code()).isEqualTo(200);
            Response response = post(client, "/s/" + token + "/comment", null, "z".repeat(2001));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Komentaras per ilgas").contains("Jūsų įvertinimas: 4.")
                    .contains(">" + "z".repeat(2001) + "</textarea>");
        });
        assertThat(responses().get(0).getComment()).isEqualTo("lėtai");
    }

    @RepeatedTest(5)
    void twenty_concurrent_first_answers_store_one_requests_score_with_that_requests_comment() throws Exception {
        String token = invite("race", "en");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            JavalinTest.test(app, (server, client) -> {
                List<Future<Map.Entry<Integer, String>>> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String score = Integer.toString(i % 11);
                    String comment = "request " + i;
                    sent.add(pool.submit(() -> {
                        start.await();
                        Response response = post(client, "/s/" + token, score, comment);
                        return Map.entry(response.code(), response.body().string());
                    }));
                }
                start.countDown();
                List<Integer> saved = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Map.Entry<Integer, String> response = sent.get(i).get();
                    assertThat(response.getKey()).isIn(200, 409);
                    if (response.getKey() == 200) {
                        saved.add(i);
                    } else {
                        refused.add(response.getValue());
                    }
                }
                assertThat(responses()).hasSize(1);
                SurveyResponsesRecord row = responses().get(0);
                int winner = Integer.parseInt(row.getComment().substring("request ".length()));
                assertThat(row.getScore()).as("the score of the request whose comment is stored").isEqualTo(winner % 11);
                assertThat(saved).as("requests told their answer was saved").containsExactly(winner);
                assertThat(refused).allSatisfy(html -> assertThat(html).contains("You answered " + winner % 11 + "."));
            });
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void comment_for_an_unanswered_invitation_is_refused() {
        String token = invite("9", "en");
        JavalinTest.test(app, (server, client) ->
                assertThat(post(client, "/s/" + token + "/comment", null, "hello").code()).isEqualTo(404));
        assertThat(responses()).isEmpty();
    }

    @Test
    void one_tap_link_preselects_the_score_and_stores_nothing_until_the_form_is_sent() {
        String token = invite("10", "en");
        JavalinTest.test(app, (server, client) -> {
            String html = client.get("/s/" + token + "?score=8").body().string();
            assertThat(html).contains("value=\"8\" id=\"score-8\" aria-describedby=\"scale-hint\" checked");
            assertThat(html.split(" checked", -1)).hasSize(2);
            assertThat(responses()).isEmpty();
            // a prefetcher following all eleven links changes nothing
            for (int score = 0; score <= 10; score++) {
                assertThat(client.get("/s/" + token + "?score=" + score).code()).isEqualTo(200);
            }
            assertThat(responses()).isEmpty();
            assertThat(post(client, "/s/" + token, "8", "").code()).isEqualTo(200);
        });
        assertThat(responses()).extracting(SurveyResponsesRecord::getScore).containsExactly(8);
        assertThat(responses().get(0).getComment()).as("an empty box is no comment").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"score=09", "score=%EF%BC%99", "score=%D9%A7", "score=12", "score=", "score=1&score=10"})
    void one_tap_link_with_anything_but_one_plain_score_is_a_400_form_with_nothing_chosen(String query) {
        String token = invite("10", "en");
        JavalinTest.test(app, (server, client) -> {
            Response page = client.get("/s/" + token + "?" + query);
            assertThat(page.code()).isEqualTo(400);
            assertThat(page.body().string()).contains("Please choose a score from 0 to 10.")
                    .contains("method=\"post\" action=\"/s/" + token + "\"").doesNotContain(" checked");
        });
        assertThat(responses()).isEmpty();
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
        String token = invite("11", invitationLocale);
        JavalinTest.test(app, (server, client) -> {
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
        String token = invite("12", "th-TH");
        JavalinTest.test(app, (server, client) -> assertThat(post(client, "/s/" + token, "10", "ดีมาก").code()).isEqualTo(200));
        assertThat(responses().get(0).getLocale()).isEqualTo("th");
        assertThat(responses().get(0).getComment()).isEqualTo("ดีมาก");
    }

    @Test
    void requests_over_the_per_address_limit_get_429_and_store_nothing() {
        store.close();
        store = TestWeb.store();
        invitations = new Invitations(store.dsl(), clock, TestWeb.config(1).survey());
        Javalin limited = WebApp.create(WebDeps.of(TestWeb.config(3), store, clock));
        String token = invite("13", "en");
        JavalinTest.test(limited, (server, client) -> {
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
        assertThat(responses()).isEmpty();
    }
}
