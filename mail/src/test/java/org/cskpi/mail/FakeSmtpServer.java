package org.cskpi.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted SMTP server on a free loopback port, for the replies GreenMail cannot give: each
 * message's end of DATA is answered with the next of {@code dataReplies} (then 250), so a test
 * can have a 451 followed by a 250. With {@code dropAfterEachMessage} it closes the connection
 * after every accepted message, as a server does with an idle client. Recipients at
 * {@code reject.example} are refused with a 550. Public, in the test jar, for the batch
 * module's sending tests.
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String greeting;
    private final Queue<String> dataReplies;
    private final boolean dropAfterEachMessage;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dataCommands = new AtomicInteger();
    private final Thread thread;

    public FakeSmtpServer(List<String> dataReplies, boolean dropAfterEachMessage) throws IOException {
        this("220 fake.example ESMTP", dataReplies, dropAfterEachMessage);
    }

    /** A server that greets with {@code greeting}; with null it never says a word. */
    public FakeSmtpServer(String greeting, List<String> dataReplies, boolean dropAfterEachMessage) throws IOException {
        this.greeting = greeting;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.dataReplies = new ArrayDeque<>(dataReplies);
        this.dropAfterEachMessage = dropAfterEachMessage;
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** A mailer for this server: no login, no TLS, 5 s timeouts. */
    SmtpMailer mailer() {
        return new SmtpMailer(TestMessages.smtp("127.0.0.1", port()));
    }

    public int connections() {
        return connections.get();
    }

    /** Messages answered 250 at the end of DATA. */
    public int accepted() {
        return accepted.get();
    }

    /** Messages sent, whatever the answer. */
    public int dataCommands() {
        return dataCommands.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                converse(client);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        if (greeting == null) {
            in.read();
            return;
        }
        reply(out, greeting);
        if (!greeting.startsWith("220")) {
            return;
        }
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 fake.example");
                case "RCPT" -> reply(out, line.contains("@reject.example") ? "550 5.1.1 No such user" : "250 ok");
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    skipMessage(in);
                    dataCommands.incrementAndGet();
                    String answer = dataReplies.isEmpty() ? "250 2.0.0 queued" : dataReplies.poll();
                    // Counted before the reply, so a test that has its answer sees the count.
                    if (answer.startsWith("250")) {
                        accepted.incrementAndGet();
                    }
                    reply(out, answer);
                    if (answer.startsWith("250") && dropAfterEachMessage) {
                        return;
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static void skipMessage(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            // the message itself does not matter here; GreenMail tests read messages back
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
