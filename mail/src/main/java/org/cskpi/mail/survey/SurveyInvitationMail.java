package org.cskpi.mail.survey;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cskpi.mail.Alternatives;
import org.cskpi.mail.OutgoingMessage;

/**
 * The survey invitation e-mail (docs/mail.md#the-survey-invitation): {@code multipart/alternative}
 * with a plain-text and an HTML part in the customer's language, the brand, the question and
 * the eleven score links (big buttons in the HTML), and a one-click unsubscribe (RFC 8058
 * headers and a visible link). The HTML is a table layout with inline styles, as mail
 * clients need; Pebble escapes every text and link put into it.
 */
public final class SurveyInvitationMail {

    private static final PebbleEngine HTML = engine(true);
    private static final PebbleEngine TEXT = engine(false);
    private final String brand;
    private final String from;

    /** {@code brand} as in {@code survey.brand}; {@code from} as in {@code mail.from}. */
    public SurveyInvitationMail(String brand, String from) {
        this.brand = brand;
        this.from = from;
    }

    /**
     * The message, ready for a {@code Mailer}. An address that is not one (no {@code @}, spaces)
     * is an {@link IllegalArgumentException}.
     */
    public MimeMessage compose(SurveyInvitation invitation) {
        SurveyTexts texts = SurveyTexts.of(SurveyLocales.choose(invitation.locale(), null));
        try {
            MimeMessage message = new OutgoingMessage(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(invitation.to(), true));
            message.setSubject(texts.get("title", brand), "UTF-8");
            message.setHeader("Content-Language", texts.language());
            message.setHeader("List-Unsubscribe", "<" + invitation.unsubscribeLink() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setContent(Alternatives.of(text(texts, invitation), html(texts, invitation)));
            return message;
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + invitation.to(), e);
        } catch (MessagingException e) {
            throw new IllegalStateException("composing the survey invitation", e);
        }
    }

    /** The plain-text part: the same content, a link per score. */
    String text(SurveyTexts texts, SurveyInvitation invitation) {
        return render(TEXT, "invitation.txt", model(texts, invitation));
    }

    /** The HTML part. */
    String html(SurveyTexts texts, SurveyInvitation invitation) {
        return render(HTML, "invitation.html", model(texts, invitation));
    }

    private Map<String, Object> model(SurveyTexts texts, SurveyInvitation invitation) {
        List<Map<String, Object>> scores = IntStream.rangeClosed(0, 10)
                .mapToObj(score -> Map.<String, Object>of("score", score, "link", invitation.scoreLinks().get(score)))
                .toList();
        return Map.ofEntries(
                Map.entry("lang", texts.language()),
                Map.entry("brand", brand),
                Map.entry("subject", texts.get("title", brand)),
                Map.entry("question", texts.get("question", brand)),
                Map.entry("intro", texts.get("mail_intro")),
                Map.entry("scale_hint", texts.get("scale_hint")),
                Map.entry("low_label", texts.get("low_label")),
                Map.entry("high_label", texts.get("high_label")),
                Map.entry("footer", texts.get("mail_footer", brand)),
                Map.entry("unsubscribe_prompt", texts.get("mail_unsubscribe_prompt")),
                Map.entry("unsubscribe_label", texts.get("mail_unsubscribe")),
                Map.entry("unsubscribe_link", invitation.unsubscribeLink()),
                Map.entry("scores", scores),
                // The two button rows of a narrow screen: 0-5 and 6-10.
                Map.entry("first_row", scores.subList(0, 6)),
                Map.entry("second_row", scores.subList(6, 11)));
    }

    private static String render(PebbleEngine engine, String name, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(name).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the mail template " + name, e);
        }
        return out.toString();
    }

    private static PebbleEngine engine(boolean html) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates/mail");
        loader.setSuffix(".peb");
        // Plain text keeps the template's line breaks as written; Pebble's default drops the
        // one after each tag, which is harmless only in HTML.
        return new PebbleEngine.Builder().loader(loader).autoEscaping(html).newLineTrimming(html)
                .strictVariables(true).cacheActive(true).build();
    }
}
