package org.cskpi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * Jakarta Mail 2.1 finds its stream provider anew for every body part, multipart and header
     * block, with a ServiceLoader that reads every jar of the class path unless the provider is
     * named in this system property (jakartaee/mail-api#861). On the batch class path (about 200
     * jars) the lookups were 15 % of an invitation e-mail's time. Named, it is a class lookup.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }

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

    private OutgoingMessage(byte[] stored) throws MessagingException {
        super(COMPOSING, new ByteArrayInputStream(stored));
    }

    /**
     * The message as it goes on the wire (RFC 822), to be kept until it is sent: a transactional
     * outbox stores it when the message is composed and sends it later, maybe from another run.
     */
    public static byte[] toStored(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a message to memory", e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message cannot be written: " + e.getMessage(), e);
        }
    }

    /** A message kept by {@link #toStored}, read back with its Message-ID, which sending keeps. */
    public static OutgoingMessage fromStored(byte[] stored) {
        try {
            OutgoingMessage message = new OutgoingMessage(stored);
            if (message.getHeader("Message-ID") == null) {
                throw new IllegalArgumentException("the stored message has no Message-ID");
            }
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the stored message cannot be read: " + e.getMessage(), e);
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
