package org.cskpi.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.cskpi.mail.MailFailure.Kind;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Turns what Jakarta Mail throws into a {@link MailFailure}: the server's reply code and text
 * when it answered, else what happened to the connection, in one line that names the server.
 */
final class SmtpFailures {

    /** A reply line: its code, then "-" (more lines follow) or " ", then the text. */
    private static final Pattern REPLY_LINE = Pattern.compile("^(\\d{3})[ -]?(.*)$");

    private final String server;

    SmtpFailures(String server) {
        this.server = server;
    }

    /** A failure while opening the connection (greeting, TLS, EHLO, login) on {@code transport}. */
    MailFailure whileConnecting(MessagingException failure, SMTPTransport transport) {
        return of(failure, transport, "connection refused");
    }

    /** A failure while sending a message on {@code transport}. */
    MailFailure whileSending(MessagingException failure, SMTPTransport transport) {
        return of(failure, transport, "command refused");
    }

    private MailFailure of(MessagingException failure, SMTPTransport transport, String refused) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPAddressFailedException rejected) {
                return reply(rejected.getReturnCode(), rejected.getMessage(), "recipient refused");
            }
            if (cause instanceof SMTPSenderFailedException rejected) {
                return reply(rejected.getReturnCode(), rejected.getMessage(), "sender refused");
            }
            if (cause instanceof SMTPSendFailedException rejected) {
                return reply(rejected.getReturnCode(), rejected.getMessage(), refusedPart(rejected.getCommand()));
            }
            if (cause instanceof AuthenticationFailedException rejected) {
                return authentication(rejected.getMessage());
            }
        }
        // A reply the exception does not carry, e.g. a 421 greeting: the transport kept it.
        if (transport != null && transport.getLastReturnCode() >= 400) {
            return reply(transport.getLastReturnCode(), transport.getLastServerResponse(), refused);
        }
        return connection(failure);
    }

    private static String refusedPart(String command) {
        String verb = command == null ? "" : command.toUpperCase(Locale.ROOT);
        if (verb.startsWith("MAIL")) {
            return "sender refused";
        }
        if (verb.startsWith("RCPT")) {
            return "recipient refused";
        }
        return "message refused";
    }

    private MailFailure authentication(String response) {
        Matcher code = REPLY_LINE.matcher(response == null ? "" : response.strip());
        if (code.matches()) {
            return reply(Integer.parseInt(code.group(1)), response, "authentication failed");
        }
        return new MailFailure(Kind.PERMANENT, OptionalInt.empty(), oneLine(response),
                "authentication failed at " + server + ": " + oneLine(response), MailFailure.Step.CONNECTION);
    }

    private MailFailure reply(int code, String response, String what) {
        String text = oneLine(response);
        String detail = detail(response);
        return new MailFailure(MailFailure.kindOf(code), OptionalInt.of(code), text,
                code + " " + what + " at " + server + (detail.isEmpty() ? "" : ": " + detail), step(what));
    }

    /** No reply to go by: a refused, timed-out or dropped connection may work later, an unknown host or failed TLS will not. */
    private MailFailure connection(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof UnknownHostException) {
                return noReply(Kind.PERMANENT, "unknown host");
            }
            if (cause instanceof SSLException tls) {
                return noReply(Kind.PERMANENT, "TLS failed (" + oneLine(tls.getMessage()) + ")");
            }
            if (cause instanceof ConnectException) {
                return noReply(Kind.TRANSIENT, "connection refused");
            }
            if (cause instanceof SocketTimeoutException) {
                return noReply(Kind.TRANSIENT, "timed out");
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof IOException lost) {
                return noReply(Kind.TRANSIENT, "connection lost (" + oneLine(lost.getMessage()) + ")");
            }
        }
        return noReply(Kind.PERMANENT, "failed (" + oneLine(failure.getMessage()) + ")");
    }

    private MailFailure noReply(Kind kind, String what) {
        return new MailFailure(kind, OptionalInt.empty(), "", what + " at " + server, MailFailure.Step.CONNECTION);
    }

    /** The step a refusal named by {@link #refusedPart} (or the connecting ones) stands for. */
    private static MailFailure.Step step(String what) {
        return switch (what) {
            case "sender refused" -> MailFailure.Step.SENDER;
            case "recipient refused" -> MailFailure.Step.RECIPIENT;
            case "message refused" -> MailFailure.Step.MESSAGE;
            default -> MailFailure.Step.CONNECTION;
        };
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause();
    }

    /** The reply's lines joined by spaces, as the server sent them (codes included). */
    private static String oneLine(String text) {
        return text == null ? "" : text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The reply's text without the code in front of each line. */
    private static String detail(String response) {
        if (response == null) {
            return "";
        }
        return response.lines().map(String::strip).map(line -> {
            Matcher matcher = REPLY_LINE.matcher(line);
            return matcher.matches() ? matcher.group(2).strip() : line;
        }).filter(line -> !line.isEmpty()).collect(Collectors.joining(" "));
    }
}
