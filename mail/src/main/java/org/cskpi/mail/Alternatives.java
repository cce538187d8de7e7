package org.cskpi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

/** The body of a message readable with and without HTML: {@code multipart/alternative}, UTF-8. */
public final class Alternatives {

    private Alternatives() {
    }

    /** Plain text first, HTML last: in {@code multipart/alternative} the richest part comes last (RFC 2046). */
    public static MimeMultipart of(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        return new MimeMultipart("alternative", plain, rich);
    }
}
