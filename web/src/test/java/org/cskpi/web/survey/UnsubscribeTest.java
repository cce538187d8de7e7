package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cskpi.store.jooq.Tables.SURVEY_CONTACTS;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;
import static org.cskpi.web.survey.SurveyFixture.START;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.time.ZoneOffset;
import java.net.http.HttpRequest;
import org.cskpi.invitation.SurveyToken;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.jooq.tables.records.SurveyUnsubscribesRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The invitation e-mail's unsubscribe link {@code /u/{token}}: a page on GET, the unsubscribe on POST (RFC 8058). */
class UnsubscribeTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final SurveyFixture survey = new SurveyFixture(10_000);

    @BeforeEach
    void contacts() {
        contact("cust-1", "one@example.com");
        contact("cust-2", "two@example.com");
    }

    @AfterEach
    void tearDown() {
        survey.close();
    }

    private void contact(String customer, String email) {
        survey.store.dsl().insertInto(SURVEY_CONTACTS, SURVEY_CONTACTS.CUSTOMER_ID, SURVEY_CONTACTS.EMAIL,
                SURVEY_CONTACTS.LOCALE, SURVEY_CONTACTS.LAST_SEEN_AT).values(customer, email, "en", START.atOffset(ZoneOffset.UTC)).execute();
    }

    /** A POST as a mail provider sends it: this body, no cookie, no CSRF token. */
    private static Response post(io.javalin.testtools.HttpClient client, String path, String contentType, String body) {
        return client.request(path, builder -> builder.header("Content-Type", contentType)
                .post(HttpRequest.BodyPublishers.ofString(body)));
    }

    private java.util.List<String> contactsLeft() {
        return survey.store.dsl().select(SURVEY_CONTACTS.CUSTOMER_ID).from(SURVEY_CONTACTS)
                .orderBy(SURVEY_CONTACTS.CUSTOMER_ID).fetch(SURVEY_CONTACTS.CUSTOMER_ID);
    }

    @Test
    void get_shows_one_button_in_the_customers_language_and_changes_nothing() {
        String token = survey.invite("1", "vi");
        JavalinTest.test(survey.app, (server, client) -> {
            Response page = client.get("/u/" + token);
            String html = page.body().string();
            assertThat(page.code()).isEqualTo(200);
            assertThat(html).contains("<html lang=\"vi\">").contains("Ngừng nhận e-mail khảo sát")
                    .contains("<form method=\"post\" action=\"/u/" + token + "\"")
                    .contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")
                    .doesNotContain("<script");
            assertThat(html.split("<button", -1)).as("one button").hasSize(2);
        });
        assertThat(survey.store.dsl().fetchCount(SURVEY_UNSUBSCRIBES)).isZero();
        assertThat(contactsLeft()).containsExactly("cust-1", "cust-2");
    }

    @Test
    void the_pages_button_unsubscribes_the_customer_deletes_only_their_address_and_confirms() {
        String token = survey.invite("1", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            Response done = SurveyFixture.post(client, "/u/" + token, null, null);
            assertThat(done.code()).isEqualTo(200);
            assertThat(done.body().string()).contains("<h1>You are unsubscribed</h1>")
                    .contains("We will not send you survey e-mails again.").doesNotContain("<button");
        });
        long invitationId = survey.store.dsl().select(org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS.ID)
                .from(org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS).fetchSingle().value1();
        assertThat(survey.store.dsl().selectFrom(SURVEY_UNSUBSCRIBES).fetch())
                .extracting(SurveyUnsubscribesRecord::getCustomerId, r -> r.getUnsubscribedAt().toInstant(),
                        SurveyUnsubscribesRecord::getInvitationId)
                .containsExactly(tuple("cust-1", START, invitationId));
        assertThat(contactsLeft()).containsExactly("cust-2");
    }

    @Test
    void a_mail_providers_one_click_post_works_without_cookies_or_csrf_token_and_repeats_harmlessly() {
        String token = survey.invite("1", "en");
        JavalinTest.test(survey.app, (server, client) -> {
            assertThat(post(client, "/u/" + token, FORM, ONE_CLICK).code()).isEqualTo(200);
            survey.clock.advance(Duration.ofHours(2));
            // RFC 8058 allows the same body as multipart/form-data
            String multipart = "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";
            Response again = post(client, "/u/" + token, "multipart/form-data; boundary=b1", multipart);
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.body().string()).contains("You are unsubscribed");
        });
        assertThat(survey.store.dsl().selectFrom(SURVEY_UNSUBSCRIBES).fetch())
                .extracting(SurveyUnsubscribesRecord::getCustomerId, r -> r.getUnsubscribedAt().toInstant())
                .as("one row, from the first unsubscribe").containsExactly(tuple("cust-1", START));
        assertThat(contactsLeft()).containsExactly("cust-2");
    }

    @Test
    void an_expired_invitations_link_still_unsubscribes() {
        String token = survey.invite("2", "en");
        survey.clock.advance(Duration.ofDays(400));
        JavalinTest.test(survey.app, (server, client) ->
                assertThat(post(client, "/u/" + token, FORM, ONE_CLICK).code()).isEqualTo(200));
        assertThat(survey.store.dsl().fetchExists(SURVEY_UNSUBSCRIBES, SURVEY_UNSUBSCRIBES.CUSTOMER_ID.eq("cust-2"))).isTrue();
        assertThat(contactsLeft()).containsExactly("cust-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"well-formed", "short", "%3Cscript%3E", "no-customer"})
    void a_token_of_no_invitation_or_of_one_without_a_customer_is_a_404_for_get_and_post(String kind) {
        survey.invite("1", "en");
        String token = switch (kind) {
            case "well-formed" -> SurveyToken.generate();
            case "no-customer" -> new org.cskpi.invitation.Invitations(survey.store.dsl(), survey.clock,
                    org.cskpi.web.TestWeb.config(1).survey()).issue(new TicketRef("zendesk", "anon", null, "en"))
                    .issued().orElseThrow().token();
            default -> kind;
        };
        JavalinTest.test(survey.app, (server, client) -> {
            Response get = client.get("/u/" + token);
            String page = get.body().string();
            assertThat(get.code()).isEqualTo(404);
            assertThat(page).contains("Survey not found").doesNotContain("<script>").doesNotContain("<button");
            Response post = post(client, "/u/" + token, FORM, ONE_CLICK);
            assertThat(post.code()).isEqualTo(404);
            assertThat(post.body().string()).isEqualTo(page);
        });
        assertThat(survey.store.dsl().fetchCount(SURVEY_UNSUBSCRIBES)).isZero();
        assertThat(contactsLeft()).containsExactly("cust-1", "cust-2");
    }
}
