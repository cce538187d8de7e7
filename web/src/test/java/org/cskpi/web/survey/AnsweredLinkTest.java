package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cskpi.web.survey.SurveyFixture.START;
import static org.cskpi.web.survey.SurveyFixture.post;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.cskpi.web.TestWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A link answers once: what a second answer, comment and score edits and answers sent at once do. */
class AnsweredLinkTest {

    private final SurveyFixture survey = new SurveyFixture(10_000);

    @AfterEach
    void tearDown() {
        survey.close();
    }

    @Test
    void score_counts_once_and_only_the_comment_edit_changes_the_comment_for_24_hours() {
        String token = survey.invite("8", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(post(client, "/s/" + token, "3", "slow").code()).isEqualTo(200);
            survey.clock.advance(Duration.ofHours(23));
            // a second answer changes nothing: neither the score nor the comment
            Response replay = post(client, "/s/" + token, "10", "slow, but solved");
            assertThat(replay.code()).isEqualTo(409);
            assertThat(replay.body().string()).doesNotContain("Your answer has been saved").doesNotContain("slow, but solved");
            assertThat(client.get("/s/" + token).body().string()).contains(">slow</textarea>").contains("/comment");
            assertThat(post(client, "/s/" + token + "/comment", null, "final words").code()).isEqualTo(200);
            survey.clock.advance(Duration.ofHours(1));
            Response late = post(client, "/s/" + token + "/comment", null, "too late");
            assertThat(late.code()).isEqualTo(409);
            assertThat(late.body().string()).contains("Already answered");
            assertThat(post(client, "/s/" + token, "0", null).code()).isEqualTo(409);
            assertThat(client.get("/s/" + token).code()).isEqualTo(409);
        });
        assertThat(survey.responses()).hasSize(1);
        SurveyResponsesRecord row = survey.responses().get(0);
        assertThat(row.getScore()).isEqualTo(3);
        assertThat(row.getComment()).isEqualTo("final words");
        assertThat(row.getCommentUpdatedAt().toInstant()).isEqualTo(START.plus(Duration.ofHours(23)));
    }

    @Test
    void a_replayed_answer_shows_the_stored_answer_with_the_comment_form_only_while_it_can_change() {
        String token = survey.invite("14", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(post(client, "/s/" + token, "9", "kind <b>help</b>").code()).isEqualTo(200);
            Response replay = post(client, "/s/" + token, "2", "changed my mind");
            assertThat(replay.code()).isEqualTo(409);
            assertThat(replay.body().string()).contains("Already answered").contains("You answered 9.")
                    .contains("action=\"/s/" + token + "/comment\"").contains(">kind &lt;b&gt;help&lt;/b&gt;</textarea>")
                    .doesNotContain("Your answer has been saved").doesNotContain("changed my mind");
            Response again = client.get("/s/" + token);
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.body().string()).contains("Thanks — you gave 9").contains("<textarea")
                    .contains("action=\"/s/" + token + "/score\"");

            survey.clock.advance(Duration.ofHours(24));
            for (Response late : List.of(post(client, "/s/" + token, "2", "changed my mind"), client.get("/s/" + token),
                    post(client, "/s/" + token + "/comment", null, "changed my mind"))) {
                assertThat(late.code()).isEqualTo(409);
                assertThat(late.body().string()).contains("You answered 9.").contains("kind &lt;b&gt;help&lt;/b&gt;")
                        .doesNotContain("<textarea").doesNotContain("/score\"").doesNotContain("changed my mind");
            }
        });
        assertThat(survey.responses()).extracting(SurveyResponsesRecord::getScore, SurveyResponsesRecord::getComment,
                SurveyResponsesRecord::getCommentUpdatedAt).containsExactly(tuple(9, "kind <b>help</b>", null));
    }

    @Test
    void a_too_long_comment_edit_is_a_400_that_keeps_the_stored_answer_and_the_typed_text() {
        String token = survey.invite("15", "lt");
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(post(client, "/s/" + token, "4", "lėtai").code()).isEqualTo(200);
            Response response = post(client, "/s/" + token + "/comment", null, "z".repeat(2001));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Komentaras per ilgas").contains("Ačiū — jūsų įvertinimas 4")
                    .contains(">" + "z".repeat(2001) + "</textarea>");
        });
        assertThat(survey.responses().get(0).getComment()).isEqualTo("lėtai");
    }

    @RepeatedTest(5)
    void twenty_concurrent_first_answers_store_one_requests_score_with_that_requests_comment() throws Exception {
        String token = survey.invite("race", "en");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            JavalinTest.test(survey.app, (server, client) -> {
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
                assertThat(survey.responses()).hasSize(1);
                SurveyResponsesRecord row = survey.responses().get(0);
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
    void the_thank_you_page_names_the_score_and_confirms_a_saved_comment() {
        String token = survey.invite("16", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            String thanks = post(client, "/s/" + token, "9", null).body().string();
            assertThat(thanks).contains("<h1>Thanks — you gave 9</h1>")
                    .contains("You can change your score and comment for 24 hours.").doesNotContain("Comment saved.");
            Response saved = post(client, "/s/" + token + "/comment", null, "quick");
            assertThat(saved.code()).isEqualTo(200);
            assertThat(saved.body().string()).contains("<p class=\"saved\" role=\"status\" id=\"saved\">Comment saved.</p>")
                    .contains("<h1>Thanks — you gave 9</h1>").contains(">quick</textarea>");
        });
        assertThat(survey.responses().get(0).getComment()).isEqualTo("quick");
    }

    @Test
    void the_score_changes_within_the_edit_window_keeping_the_comment_and_then_no_more() {
        String token = survey.invite("17", "nb");
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(post(client, "/s/" + token + "/score", "4", null).code()).as("nothing to change yet").isEqualTo(404);
            assertThat(post(client, "/s/" + token, "9", "bra").code()).isEqualTo(200);
            survey.clock.advance(Duration.ofHours(23));
            Response changed = post(client, "/s/" + token + "/score", "6", null);
            assertThat(changed.code()).isEqualTo(200);
            assertThat(changed.body().string()).contains("<h1>Takk — du ga 6</h1>").contains("Poengsummen er lagret.")
                    .contains("value=\"6\" class=\"pick row2\" aria-current=\"true\"").contains(">bra</textarea>");
            Response refused = post(client, "/s/" + token + "/score", "11", null);
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.body().string()).contains("<details class=\"change-score\" open>").contains("Takk — du ga 6");
            survey.clock.advance(Duration.ofHours(1));
            Response late = post(client, "/s/" + token + "/score", "2", null);
            assertThat(late.code()).isEqualTo(409);
            assertThat(late.body().string()).contains("Du svarte 6.").doesNotContain("/score\"");
        });
        assertThat(survey.responses()).extracting(SurveyResponsesRecord::getScore, SurveyResponsesRecord::getComment,
                row -> row.getAnsweredAt().toInstant()).containsExactly(tuple(6, "bra", START));
    }

    @Test
    void the_edit_hint_names_the_configured_hours_and_the_window_is_that_long() {
        SurveyFixture twoDays = new SurveyFixture(TestWeb.withCommentEditHours(TestWeb.config(10_000), 48));
        try {
            String token = twoDays.invite("18", "en");
            JavalinTest.test(twoDays.app, (server, client) -> {
                assertThat(post(client, "/s/" + token, "7", null).body().string())
                        .contains("You can change your score and comment for 48 hours.").doesNotContain("24 hours");
                twoDays.clock.advance(Duration.ofHours(47));
                assertThat(post(client, "/s/" + token + "/comment", null, "still open").code()).isEqualTo(200);
                twoDays.clock.advance(Duration.ofHours(1));
                assertThat(post(client, "/s/" + token + "/comment", null, "closed").code()).isEqualTo(409);
            });
            assertThat(twoDays.responses().get(0).getComment()).isEqualTo("still open");
        } finally {
            twoDays.close();
        }
    }

    @Test
    void comment_for_an_unanswered_invitation_is_refused() {
        String token = survey.invite("9", "en");
        JavalinTest.test(survey.app, (server, client) ->
                assertThat(post(client, "/s/" + token + "/comment", null, "hello").code()).isEqualTo(404));
        assertThat(survey.responses()).isEmpty();
    }
}
