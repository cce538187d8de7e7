package org.cskpi.batch.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.invitation.SurveySends;
import org.cskpi.invitation.SurveyToken;
import org.cskpi.store.jooq.tables.records.SurveyInvitationsRecord;
import org.cskpi.store.jooq.tables.records.SurveySendsRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code invite --send} through a real SMTP server (GreenMail), the messages read back parsed (docs/mail.md#sending-invitations). */
@ExtendWith(SharedSpark.class)
class InviteSendTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Pattern SCORE_LINK = Pattern.compile(
            Pattern.quote(MailingFixture.BASE_URL) + "/s/([A-Za-z0-9_-]{43})\\?score=(\\d+)");

    private final MailingFixture fixture = new MailingFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private InvitationMailing.Result send(SparkSession spark, Path dir) {
        var tickets = MailingFixture.tickets(spark, dir.resolve("wh"), List.of(
                MailingFixture.ticket("t1", "A", "en", 1),
                MailingFixture.ticket("t2", "B", "en", 2),
                MailingFixture.ticket("t3", "C", "vi", 3),
                MailingFixture.ticket("t4", "D", "en", 4),
                MailingFixture.ticket("t5", "E", "en", 5),
                MailingFixture.ticket("t6", null, "en", 6),
                MailingFixture.ticket("t7", "A", "en", 7)));
        fixture.contact("A", "kari@example.com", "vi-VN")
                .contact("B", "ola@example.com", "nb-NO")
                .contact("C", "jean@example.com", "fr")
                .contact("E", "gone@example.com", "en")
                .unsubscribed("E");
        return fixture.mailing(MailingFixture.smtp(GREEN_MAIL.getSmtp().getServerSetup().getBindAddress(),
                GREEN_MAIL.getSmtp().getPort())).run(fixture.invitations, tickets, Optional.empty());
    }

    @Test
    void each_new_invitation_is_mailed_once_and_marked_sent_with_its_message_id(SparkSession spark, @TempDir Path dir)
            throws Exception {
        InvitationMailing.Result result = send(spark, dir);

        // t1 A, t2 B, t3 C invited and sent; t4 (D, no contact) and t6 (no customer) have no address;
        // t5's customer E unsubscribed; t7's customer A was just invited (fatigue)
        assertThat(result.invited()).isEqualTo(new InvitationRun.Counts(7, 3, 0, 1, 1, 2));
        assertThat(result.mailed()).isEqualTo(new InvitationSender.Counts(3, 0, 0));
        assertThat(InvitationMailing.summary(result))
                .isEqualTo("2 skipped (no address); e-mails: 3 sent, 0 failed, 0 left pending");
        assertThat(fixture.store.dsl().selectFrom(SURVEY_INVITATIONS).orderBy(SURVEY_INVITATIONS.ID)
                .fetch(SurveyInvitationsRecord::getTicketId)).containsExactly("t1", "t2", "t3");
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        List<SurveySendsRecord> rows = fixture.sendRows();
        assertThat(rows).extracting(SurveySendsRecord::getState).containsOnly(SurveySends.SENT);
        assertThat(rows).extracting(SurveySendsRecord::getAttempts).containsOnly(1);
        assertThat(rows).extracting(SurveySendsRecord::getMessage).as("cleared once sent").containsOnlyNulls();
        for (int i = 0; i < 3; i++) {
            assertThat(received[i].getMessageID()).isEqualTo(rows.get(i).getMessageId());
        }
    }

    @Test
    void the_message_has_both_parts_the_unsubscribe_headers_and_the_invitations_links(SparkSession spark,
                                                                                      @TempDir Path dir) throws Exception {
        send(spark, dir);

        MimeMessage kari = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(kari.getHeader("To", null)).isEqualTo("kari@example.com");
        assertThat(kari.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) kari.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");

        SurveyInvitationsRecord invitation = fixture.store.dsl().fetchOne(SURVEY_INVITATIONS,
                SURVEY_INVITATIONS.TICKET_ID.eq("t1"));
        String unsubscribe = kari.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).matches("<" + Pattern.quote(MailingFixture.BASE_URL) + "/u/[A-Za-z0-9_-]{43}>");
        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
        assertThat(SurveyToken.hash(token)).as("the unsubscribe link carries t1's invitation token")
                .isEqualTo(invitation.getTokenHash());
        assertThat(kari.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        for (int part = 0; part < 2; part++) {
            String text = (String) parts.getBodyPart(part).getContent();
            assertThat(scoreLinks(text)).as("part %d: the eleven score links, all with t1's token", part)
                    .isEqualTo(IntStream.rangeClosed(0, 10).boxed().collect(TreeMap<Integer, String>::new,
                            (map, score) -> map.put(score, token), Map::putAll));
            assertThat(text).contains(MailingFixture.BASE_URL + "/u/" + token);
        }
    }

    @Test
    void the_message_is_in_the_customers_language_else_english(SparkSession spark, @TempDir Path dir) throws Exception {
        send(spark, dir);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        // The contact's locale wins over the ticket's (t3's ticket says vi, its contact fr: English).
        assertThat(received).extracting(m -> m.getHeader("To", null) + " " + m.getHeader("Content-Language", null))
                .containsExactly("kari@example.com vi", "ola@example.com nb", "jean@example.com en");
        assertThat(received[0].getSubject()).isNotEqualTo(received[2].getSubject());
        assertThat(received[2].getSubject()).isEqualTo("our shop – quick question");
        String vietnamese = (String) ((MimeMultipart) received[0].getContent()).getBodyPart(0).getContent();
        String english = (String) ((MimeMultipart) received[2].getContent()).getBodyPart(0).getContent();
        assertThat(english).contains("not at all likely");
        assertThat(vietnamese).doesNotContain("not at all likely");
    }

    @Test
    void a_second_run_sends_nothing_again(SparkSession spark, @TempDir Path dir) {
        send(spark, dir);
        var tickets = MailingFixture.tickets(spark, dir.resolve("wh"), List.of(MailingFixture.ticket("t1", "A", "en", 1)));

        InvitationMailing.Result again = fixture.mailing(MailingFixture.smtp(
                GREEN_MAIL.getSmtp().getServerSetup().getBindAddress(), GREEN_MAIL.getSmtp().getPort()))
                .run(fixture.invitations, tickets, Optional.empty());

        assertThat(again.invited()).isEqualTo(new InvitationRun.Counts(1, 0, 1, 0, 0, 0));
        assertThat(again.mailed()).isEqualTo(new InvitationSender.Counts(0, 0, 0));
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
    }

    /** score -> token of each score link in the text, in order; fails on a score seen twice. */
    private static Map<Integer, String> scoreLinks(String text) {
        Map<Integer, String> links = new TreeMap<>();
        List<Integer> order = new ArrayList<>();
        Matcher matcher = SCORE_LINK.matcher(text);
        while (matcher.find()) {
            int score = Integer.parseInt(matcher.group(2));
            if (!order.contains(score)) {
                order.add(score);
            }
            links.merge(score, matcher.group(1), (a, b) -> a.equals(b) ? a : a + "|" + b);
        }
        assertThat(order).isSorted();
        return links;
    }
}
