package org.cskpi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/**
 * A message being composed, from a given sender. Its Message-ID ({@code <random UUID@sender's
 * domain>}) is fixed when it is created, so sending it again after a transient failure keeps
 * the id the store recorded; a plain {@link MimeMessage} would make a new one at every save.
 */
public final class OutgoingMessage extends MimeMessage {

    /** Composing needs no server: the mailers send with their own sessions. */
    private static final Session COMPOSING = Session.getInstance(new Properties());

    /** {@code from} as in {@code mail.from}: {@code a@b.example} or {@code Name <a@b.example>}. */
    public OutgoingMessage(String from) {
        super(COMPOSING);
        try {
            InternetAddress sender = encoded(new InternetAddress(from, true));
            setFrom(sender);
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(sender) + ">");
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + from, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("setting the headers of a new message", e);
        }
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }

    /** Brings the headers up to date before a send (Date included) and returns the Message-ID. */
    static String prepare(MimeMessage message) {
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message cannot be prepared for sending: " + e.getMessage(), e);
        }
    }

    /** The address with its display name encoded for a header (RFC 2047) when it is not plain ASCII. */
    private static InternetAddress encoded(InternetAddress address) {
        if (address.getPersonal() == null) {
            return address;
        }
        try {
            return new InternetAddress(address.getAddress(), address.getPersonal(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String domain(InternetAddress address) {
        String text = address.getAddress();
        return text.substring(text.lastIndexOf('@') + 1);
    }
}
