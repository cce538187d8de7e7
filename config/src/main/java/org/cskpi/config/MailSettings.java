package org.cskpi.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How cskpi sends e-mail: the {@code mail} section of {@code cskpi.yaml} (docs/mail.md#settings).
 * Either an SMTP server ({@code mail.smtp.*}) or an outbox folder ({@code mail.outbox_dir})
 * where each message is written as an {@code .eml} file; {@code mail.from} is required with
 * either. No {@code mail} section means cskpi sends no mail.
 */
public record MailSettings(String from, Delivery delivery) {

    /** Where messages go: an SMTP server or an outbox folder. */
    public sealed interface Delivery permits Smtp, Outbox {
    }

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain text: only for a relay on the same host or network. */
        NONE,
        /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
        STARTTLS,
        /** TLS from the first byte, "implicit TLS" (port 465). */
        SSL;

        int defaultPort() {
            return switch (this) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case SSL -> 465;
            };
        }
    }

    /** An SMTP server; a username comes with a password, and without one cskpi does not log in. */
    public record Smtp(String host, int port, Security security, Optional<String> username,
                       Optional<String> password, Duration connectTimeout, Duration readTimeout) implements Delivery {

        /** Without the password, so the settings can be logged. */
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", " + security + ", user " + username.orElse("(none)") + "]";
        }
    }

    /** A folder where each message is written as an RFC 822 {@code .eml} file, readable by its owner only. */
    public record Outbox(Path dir) implements Delivery {
    }

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** One address, with or without a display name: {@code a@b.example} or {@code Name <a@b.example>}. */
    private static final Pattern ADDRESS = Pattern.compile("([^<>\\r\\n]*<)?[^<>@\\s]+@[^<>@\\s]+\\.[^<>@\\s]+>?");

    /** The settings of the {@code mail} section, with {@code password_env} read from the process environment. */
    static Optional<MailSettings> from(ConfigNode mail) {
        return from(mail, System.getenv());
    }

    /**
     * The settings of the {@code mail} section, empty when the section is absent or empty.
     * {@code env} holds the environment variables {@code mail.smtp.password_env} may name.
     */
    static Optional<MailSettings> from(ConfigNode mail, Map<String, String> env) {
        String from = mail.string("from", null);
        String outbox = mail.string("outbox_dir", null);
        if (mail.has("smtp") && outbox != null) {
            throw new ConfigException(mail.key("outbox_dir") + ": give either " + mail.key("smtp")
                    + " (send through a server) or " + mail.key("outbox_dir") + " (write .eml files), not both");
        }
        if (outbox != null && outbox.isBlank()) {
            throw new ConfigException(mail.key("outbox_dir") + ": expected a folder, got an empty value");
        }
        Optional<Delivery> delivery = mail.has("smtp") ? Optional.of(smtp(mail.section("smtp"), env))
                : Optional.ofNullable(outbox).map(dir -> new Outbox(Path.of(dir)));
        mail.raw("smtp");
        mail.rejectUnknownKeys();
        if (delivery.isEmpty() && from != null) {
            throw new ConfigException(mail.key("from") + ": set " + mail.key("smtp.host") + " or "
                    + mail.key("outbox_dir") + " too, or cskpi has nowhere to send mail");
        }
        return delivery.map(where -> new MailSettings(sender(mail, from), where));
    }

    private static String sender(ConfigNode mail, String from) {
        if (from == null || from.isBlank()) {
            throw new ConfigException(mail.key("from") + ": required with mail settings, e.g. \"Nordlys Outdoor <survey@nordlys.example>\"");
        }
        requireAddress(mail.key("from"), from);
        return from;
    }

    /** Fails naming {@code key} unless {@code text} is one address, with or without a display name. */
    static void requireAddress(String key, String text) {
        if (!ADDRESS.matcher(text).matches()) {
            throw new ConfigException(key + ": expected an address like survey@example.com or"
                    + " \"Name <survey@example.com>\", got \"" + text + "\"");
        }
    }

    private static Smtp smtp(ConfigNode node, Map<String, String> env) {
        String host = node.string("host", null);
        if (host == null || host.isBlank()) {
            throw new ConfigException(node.key("host") + ": required to send through SMTP, e.g. smtp.example.com");
        }
        Security security = node.parsed("security", Security.STARTTLS,
                text -> Security.valueOf(text.toUpperCase(Locale.ROOT)), "none, starttls or ssl");
        int port = node.parsed("port", security.defaultPort(), Integer::parseInt, "a port number");
        if (port < 1 || port > 65_535) {
            throw new ConfigException(node.key("port") + ": expected a port number from 1 to 65535, got " + port);
        }
        Optional<String> username = Optional.ofNullable(node.string("username", null));
        Optional<String> password = password(node, env);
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigException(username.isPresent()
                    ? node.key("username") + ": needs " + node.key("password") + " or " + node.key("password_env")
                    : node.key("password") + ": needs " + node.key("username"));
        }
        Duration connect = Duration.ofSeconds(node.positiveInt("connect_timeout_seconds",
                (int) DEFAULT_CONNECT_TIMEOUT.toSeconds()));
        Duration read = Duration.ofSeconds(node.positiveInt("read_timeout_seconds",
                (int) DEFAULT_READ_TIMEOUT.toSeconds()));
        node.rejectUnknownKeys();
        return new Smtp(host, port, security, username, password, connect, read);
    }

    private static Optional<String> password(ConfigNode node, Map<String, String> env) {
        String password = node.string("password", null);
        String variable = node.string("password_env", null);
        if (password != null && variable != null) {
            throw new ConfigException(node.key("password_env") + ": give either " + node.key("password")
                    + " or " + node.key("password_env") + ", not both");
        }
        if (password != null && password.isEmpty()) {
            throw new ConfigException(node.key("password") + ": must not be empty");
        }
        if (variable == null) {
            return Optional.ofNullable(password);
        }
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(node.key("password_env") + ": the environment variable " + variable
                    + " is not set");
        }
        return Optional.of(value);
    }
}
