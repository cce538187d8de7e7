package org.cskpi.mail.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.cskpi.config.MailSettings;
import org.cskpi.mail.SendResult;
import org.cskpi.mail.SmtpMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyInvitationMailTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String TOKEN = "Tk3xQ9pLm2";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern BUTTON = Pattern.compile("<a href=\"[^\"]*\\?score=(\\d+)\" style=\"([^\"]*)\">(\\d+)</a>");

    private final SurveyInvitationMail mail = new SurveyInvitationMail("Fjell & <Fjord>", "Fjell <survey@fjell.example>");

    private static SurveyInvitation invitation(String locale) {
        List<String> links = IntStream.rangeClosed(0, 10)
                .mapToObj(score -> "https://kpi.fjell.example/s/" + TOKEN + "?score=" + score).toList();
        return new SurveyInvitation("kari@example.com", locale, links, "https://kpi.fjell.example/u/" + TOKEN);
    }

    /** Sends through SMTP to GreenMail and returns the message as GreenMail parsed it. */
    private MimeMessage sendAndReceive(SurveyInvitation invitation) {
        MailSettings.Smtp smtp = new MailSettings.Smtp(GREEN_MAIL.getSmtp().getServerSetup().getBindAddress(),
                GREEN_MAIL.getSmtp().getPort(), MailSettings.Security.NONE, Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (SmtpMailer mailer = new SmtpMailer(smtp)) {
            assertThat(mailer.send(mail.compose(invitation))).isInstanceOf(SendResult.Sent.class);
        }
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** A part's text, with the CRLF line ends of mail on the wire read as plain {@code \n}. */
    private static String part(MimeMessage message, int index) throws Exception {
        String content = (String) ((MimeMultipart) message.getContent()).getBodyPart(index).getContent();
        return content.replace("\r\n", "\n");
    }

    @Test
    void is_plain_text_and_html_alternatives_with_the_one_click_unsubscribe_headers() throws Exception {
        MimeMessage received = sendAndReceive(invitation("en"));

        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(html.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(received.getHeader("From", null)).isEqualTo("Fjell <survey@fjell.example>");
        assertThat(received.getHeader("To", null)).isEqualTo("kari@example.com");
        assertThat(received.getSubject()).isEqualTo("Fjell & <Fjord> – quick question");
        assertThat(received.getMessageID()).matches("<[0-9a-f-]{36}@fjell\\.example>");
        assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<https://kpi.fjell.example/u/Tk3xQ9pLm2>");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }

    @Test
    void the_html_links_each_score_to_its_one_tap_link_in_order_then_the_unsubscribe_link() throws Exception {
        String html = part(sendAndReceive(invitation("en")), 1);

        List<String> hrefs = HREF.matcher(html).results().map(match -> match.group(1)).toList();
        assertThat(hrefs).containsExactly(
                "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=0", "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=1",
                "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=2", "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=3",
                "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=4", "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=5",
                "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=6", "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=7",
                "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=8", "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=9",
                "https://kpi.fjell.example/s/Tk3xQ9pLm2?score=10", "https://kpi.fjell.example/u/Tk3xQ9pLm2");
    }

    @Test
    void each_score_button_shows_its_score_and_is_44_px_square() throws Exception {
        String html = part(sendAndReceive(invitation("en")), 1);

        Matcher button = BUTTON.matcher(html);
        List<String> shown = new ArrayList<>();
        while (button.find()) {
            assertThat(button.group(3)).isEqualTo(button.group(1));
            // 40 px inside a 2 px border on each side
            assertThat(button.group(2)).contains("width:40px;height:40px;", "border:2px solid");
            shown.add(button.group(3));
        }
        assertThat(shown).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void the_html_shows_the_question_end_labels_footer_and_unsubscribe_link_with_every_text_escaped() throws Exception {
        String html = part(sendAndReceive(invitation("en")), 1);

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"en\">")
                .contains("How likely are you to recommend Fjell &amp; &lt;Fjord&gt; to a friend or colleague?")
                .contains("0 = not at all likely", "10 = extremely likely")
                .contains("because you recently contacted the customer service of Fjell &amp; &lt;Fjord&gt;.")
                .contains("Don&#39;t want survey e-mails from us? <a href=\"https://kpi.fjell.example/u/Tk3xQ9pLm2\"")
                .contains(">Unsubscribe</a>")
                .doesNotContain("<Fjord>")
                .doesNotContain("<style");
    }

    @Test
    void the_plain_text_has_a_line_per_score_and_the_unsubscribe_link() throws Exception {
        String text = part(sendAndReceive(invitation("en")), 0);

        assertThat(text).startsWith("Fjell & <Fjord>\n\nHow likely are you to recommend Fjell & <Fjord> to a friend or colleague?\n")
                .contains("Choose a score from 0 (not at all likely) to 10 (extremely likely).\n\n"
                        + " 0  https://kpi.fjell.example/s/Tk3xQ9pLm2?score=0\n"
                        + " 1  https://kpi.fjell.example/s/Tk3xQ9pLm2?score=1\n")
                .contains(" 9  https://kpi.fjell.example/s/Tk3xQ9pLm2?score=9\n"
                        + "10  https://kpi.fjell.example/s/Tk3xQ9pLm2?score=10\n")
                .endsWith("Don't want survey e-mails from us? Unsubscribe: https://kpi.fjell.example/u/Tk3xQ9pLm2\n");
    }

    @ParameterizedTest(name = "locale {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "en    | en | Fjell & <Fjord> – quick question",
            "vi    | vi | Fjell & <Fjord> – câu hỏi nhanh",
            "hr-HR | hr | Fjell & <Fjord> – kratko pitanje",
            "lt    | lt | Fjell & <Fjord> – trumpas klausimas",
            "th_TH | th | Fjell & <Fjord> – คำถามสั้น ๆ",
            "no    | nb | Fjell & <Fjord> – et raskt spørsmål",
            "de-DE | en | Fjell & <Fjord> – quick question",
            "null  | en | Fjell & <Fjord> – quick question"})
    void is_written_in_the_customers_language_or_english(String locale, String language, String subject) throws Exception {
        MimeMessage received = sendAndReceive(invitation(locale));

        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(received.getHeader("Content-Language", null)).isEqualTo(language);
        assertThat(part(received, 1)).contains("<html lang=\"" + language + "\">")
                .contains(SurveyTexts.of(language).get("mail_unsubscribe") + "</a>");
        assertThat(part(received, 0)).contains(SurveyTexts.of(language).get("scale_hint"));
    }

    @Test
    void a_thai_invitation_reads_back_in_thai() throws Exception {
        String text = part(sendAndReceive(invitation("th")), 0);

        assertThat(text).contains("คุณมีแนวโน้มที่จะแนะนำ Fjell & <Fjord> ให้เพื่อนหรือเพื่อนร่วมงานมากน้อยเพียงใด?");
    }

    @Test
    void needs_eleven_score_links_and_a_real_address() {
        assertThatThrownBy(() -> new SurveyInvitation("kari@example.com", "en", List.of("a"), "u"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 score links");
        SurveyInvitation badAddress = new SurveyInvitation("kari at example", "en", invitation("en").scoreLinks(), "u");
        assertThatThrownBy(() -> mail.compose(badAddress))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an e-mail address");
    }
}
