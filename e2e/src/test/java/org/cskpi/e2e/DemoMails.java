package org.cskpi.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** The demo's .eml files read as a mail program reads them: parsed MIME, decoded parts. */
final class DemoMails {

    private static final Pattern SCORE_LINK = Pattern.compile("https?://[^\"\\s<>]+/s/[A-Za-z0-9_-]+\\?score=\\d+");

    /** An invitation: its text and HTML alternatives, the score links of the HTML, List-Unsubscribe. */
    record Survey(String text, String html, List<String> scoreLinks, String listUnsubscribe) {
    }

    /** The report e-mail: subject, recipients, text alternative and the attached report file. */
    record Report(String subject, String to, String text, String attachmentName, byte[] attachment) {
    }

    private DemoMails() {
    }

    static Survey survey(Path eml) throws IOException, MessagingException {
        MimeMessage message = read(eml);
        if (!message.isMimeType("multipart/alternative")) {
            throw new AssertionError(eml + ": expected multipart/alternative, got " + message.getContentType());
        }
        Multipart parts = (Multipart) message.getContent();
        String text = textOf(parts, "text/plain");
        String html = textOf(parts, "text/html");
        List<String> links = SCORE_LINK.matcher(html.replace("&amp;", "&")).results().map(m -> m.group()).distinct().toList();
        return new Survey(text, html, links, message.getHeader("List-Unsubscribe", ","));
    }

    static Report report(Path eml) throws IOException, MessagingException {
        MimeMessage message = read(eml);
        if (!message.isMimeType("multipart/mixed")) {
            throw new AssertionError(eml + ": expected multipart/mixed, got " + message.getContentType());
        }
        Multipart mixed = (Multipart) message.getContent();
        String text = null;
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    return new Report(message.getSubject(), message.getHeader("To", ","), text, part.getFileName(),
                            in.readAllBytes());
                }
            }
            if (part.isMimeType("multipart/alternative")) {
                text = textOf((Multipart) part.getContent(), "text/plain");
            }
        }
        throw new AssertionError(eml + ": no attachment");
    }

    private static MimeMessage read(Path eml) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String textOf(Multipart parts, String type) throws IOException, MessagingException {
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
