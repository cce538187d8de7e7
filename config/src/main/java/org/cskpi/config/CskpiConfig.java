package org.cskpi.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * cskpi's whole configuration, read once from {@code cskpi.yaml}
 * (docs/architecture.md#configuration) and passed by constructor. Every key has a default; a
 * bad or unknown key is an error naming it before any work starts. Paths default to places
 * under the data directory.
 * {@code storePassword} empty means the store's generated password (beside the store file).
 * Command-line flags go in through the {@code with…} methods, the one way a flag overrides the
 * file (docs/configuration.md#precedence).
 */
public record CskpiConfig(
        Path dataDir,
        BusinessHours business,
        Map<String, Long> frtTargetSeconds,
        int repeatContactWindowDays,
        String warehouse,
        String storeUrl,
        Optional<String> storePassword,
        Ingest ingest,
        Spark spark,
        Survey survey,
        Web web,
        Report report,
        Weekly weekly,
        Optional<MailSettings> mail,
        SqlServer sqlServer) {

    /**
     * Ingest settings. {@code customerKey} keys the hash that pseudonymises e-mail addresses;
     * {@code zendeskCategoryField} is the id of the Zendesk ticket field holding the category.
     */
    public record Ingest(ZoneId sourceTimezone, Optional<String> customerKey, Optional<String> zendeskCategoryField) {
    }

    /**
     * Spark settings. {@code master} is the file's {@code spark.master}, which a master given by
     * spark-submit overrides; {@code commandLineMaster} is {@code --master}, which overrides both.
     */
    public record Spark(Optional<String> master, int shufflePartitions, Map<String, String> options,
                        Optional<String> commandLineMaster) {
    }

    /**
     * The public NPS survey. {@code secret} is required by the commands that issue links.
     * {@code send}: cskpi e-mails the invitations itself, so ingest keeps customers' addresses
     * in the store for {@code contactRetentionDays} (docs/mail.md#contacts).
     */
    public record Survey(String brand, Optional<String> secret, String baseUrl, int invitationTtlDays,
                         int fatigueDays, int commentEditHours, int rateLimitPerMinute,
                         boolean send, int contactRetentionDays, int sendRatePerMinute) {
    }

    /**
     * The weekly report. {@code recipients}: who {@code report --send} mails when no {@code --to}
     * is given; {@code ticketUrl}: where the report links detractor comments' ticket ids.
     */
    public record Report(List<String> recipients, TicketUrl ticketUrl) {

        /** Without ticket links. */
        public Report(List<String> recipients) {
            this(recipients, TicketUrl.NONE);
        }
    }

    /**
     * The web app. {@code apiKey} guards the JSON API; no key means the API accepts sessions only.
     * {@code secureCookies}: the app is reached over https, so the session cookie is marked
     * {@code Secure} (only sent over https) and responses carry Strict-Transport-Security.
     * {@code trustForwardedFor}: the app runs behind one reverse proxy, so the client address is
     * the last entry of {@code X-Forwarded-For} (the one that proxy added), not the socket's.
     */
    public record Web(int port, Optional<String> apiKey, int queryTimeoutSeconds, int queryMaxRows,
                      int loginAttemptsPerMinute, boolean secureCookies, boolean trustForwardedFor) {

        /** Without a proxy in front ({@code trust_forwarded_for: false}, the default). */
        public Web(int port, Optional<String> apiKey, int queryTimeoutSeconds, int queryMaxRows,
                   int loginAttemptsPerMinute, boolean secureCookies) {
            this(port, apiKey, queryTimeoutSeconds, queryMaxRows, loginAttemptsPerMinute, secureCookies, false);
        }
    }

    /** The weekly job, {@code cskpi run} (yaml section {@code run}): {@code inbox} is where new exports are dropped. */
    public record Weekly(Path inbox) {
    }

    /**
     * The analysts' SQL service, {@code cskpi sql-server} (docs/sql-server.md): where it listens,
     * the token every client presents ({@code token}, required by the service and by the web
     * app's {@code /query}), whether {@code cskpi serve} starts it, and its per-query limits.
     */
    public record SqlServer(String host, int port, Optional<String> token, boolean autostart,
                            int queryTimeoutSeconds, int maxRows) {

        /** The {@code sc://} address clients connect to (without the token). */
        public String url() {
            return "sc://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        /** Without the token, so the settings can be logged. */
        @Override
        public String toString() {
            return "SqlServer[" + host + ":" + port + ", autostart " + autostart + "]";
        }
    }

    public static final Map<String, Long> DEFAULT_FRT_TARGETS = Map.of(
            "chat", 60L, "phone", 60L, "social", 3_600L, "email", 10_800L, "web", 10_800L);
    private static final Set<String> TARGET_CHANNELS = Set.of("email", "chat", "phone", "social", "web", "other");

    /** Built-in defaults for a data directory, as if the config file were empty. */
    public static CskpiConfig defaults(Path dataDir) {
        return fromYaml(Map.of(), dataDir);
    }

    /**
     * Loads {@code file} if given (it must exist), else {@code ./cskpi.yaml} if it exists,
     * else the defaults.
     */
    public static CskpiConfig load(Optional<Path> file, Path dataDir) {
        Path path = file.orElse(Path.of("cskpi.yaml"));
        if (file.isEmpty() && !Files.exists(path)) {
            return defaults(dataDir);
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path + ": config file not found");
        }
        try (InputStream in = Files.newInputStream(path)) {
            Object root = YamlFiles.loader().load(in);
            if (root == null) {
                return defaults(dataDir);
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new ConfigException(path + ": expected key: value settings at the top level");
            }
            return fromYaml(map, dataDir);
        } catch (YAMLException e) {
            throw new ConfigException(path + ": not valid YAML: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException(path + ": " + e.getMessage());
        }
    }

    static CskpiConfig fromYaml(Map<?, ?> raw, Path dataDir) {
        ConfigNode root = new ConfigNode("", raw);
        BusinessHours business = business(root.section("business"));
        Map<String, Long> targets = targets(root.section("targets"));
        ConfigNode repeat = root.section("repeat_contact");
        int window = repeat.positiveInt("window_days", 7);
        repeat.rejectUnknownKeys();
        String warehouse = root.string("warehouse", dataDir.resolve("warehouse").toString());
        ConfigNode store = root.section("store");
        String storeUrl = store.string("url", "jdbc:h2:" + dataDir.toAbsolutePath().resolve("cskpi"));
        Optional<String> storePassword = Optional.ofNullable(store.string("password", null));
        if (storePassword.isPresent() && storePassword.get().isBlank()) {
            throw new ConfigException(store.key("password") + ": must not be empty; leave it out to use the generated one");
        }
        store.rejectUnknownKeys();
        Survey survey = survey(root.section("survey"));
        Optional<MailSettings> mail = MailSettings.from(root.section("mail"));
        if (survey.send() && mail.isEmpty()) {
            throw new ConfigException("survey.send: true needs a mail section (mail.smtp or mail.outbox_dir) to send with");
        }
        CskpiConfig config = new CskpiConfig(dataDir, business, targets, window, warehouse, storeUrl, storePassword,
                ingest(root.section("ingest")), spark(root.section("spark")),
                survey, web(root.section("web"), survey), report(root.section("report")),
                weekly(root.section("run"), dataDir), mail, sqlServer(root.section("sql_server")));
        root.rejectUnknownKeys();
        return config;
    }

    private static BusinessHours business(ConfigNode node) {
        ZoneId zone = node.parsed("timezone", ZoneId.of("UTC"), ZoneId::of, "a time zone id such as Europe/Oslo");
        BusinessHours hours = BusinessHours.standard(zone);
        Map<DayOfWeek, BusinessHours.Interval> week = new EnumMap<>(DayOfWeek.class);
        if (node.has("hours")) {
            ConfigNode days = node.section("hours");
            for (String day : days.keys()) {
                week.put(weekday(days.key(day), day),
                        days.parsed(day, null, BusinessHours.Interval::parse, "HH:mm-HH:mm with the end after the start"));
            }
        } else {
            node.raw("hours");
            week.putAll(hours.week());
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        for (String text : node.strings("holidays")) {
            try {
                holidays.add(LocalDate.parse(text));
            } catch (RuntimeException e) {
                throw new ConfigException(node.key("holidays") + ": expected dates like 2026-12-24, got \"" + text + "\"");
            }
        }
        node.rejectUnknownKeys();
        return new BusinessHours(zone, week, holidays);
    }

    private static DayOfWeek weekday(String key, String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(text)) {
                return day;
            }
        }
        throw new ConfigException(key + ": unknown weekday; expected one of mon, tue, wed, thu, fri, sat, sun");
    }

    private static Map<String, Long> targets(ConfigNode node) {
        Map<String, Long> result = new LinkedHashMap<>(DEFAULT_FRT_TARGETS);
        if (node.has("frt_seconds")) {
            ConfigNode channels = node.section("frt_seconds");
            for (String channel : channels.keys()) {
                if (!TARGET_CHANNELS.contains(channel)) {
                    throw new ConfigException(channels.key(channel) + ": unknown channel; expected one of " + TARGET_CHANNELS);
                }
                long seconds = channels.parsed(channel, 0L, Long::parseLong, "a number of seconds");
                if (seconds <= 0) {
                    throw new ConfigException(channels.key(channel) + ": expected a number of seconds above 0");
                }
                result.put(channel, seconds);
            }
        } else {
            node.raw("frt_seconds");
        }
        node.rejectUnknownKeys();
        return Map.copyOf(result);
    }

    private static Ingest ingest(ConfigNode node) {
        Ingest ingest = new Ingest(
                node.parsed("source_timezone", ZoneId.of("UTC"), ZoneId::of, "a time zone id such as Europe/Oslo"),
                Optional.ofNullable(node.string("customer_key", null)),
                zendeskCategoryField(node.section("zendesk")));
        node.rejectUnknownKeys();
        return ingest;
    }

    private static Optional<String> zendeskCategoryField(ConfigNode node) {
        Optional<Long> id = Optional.ofNullable(node.parsed("category_field", null, Long::parseLong,
                "the numeric id of a Zendesk ticket field"));
        node.rejectUnknownKeys();
        return id.map(String::valueOf);
    }

    private static Spark spark(ConfigNode node) {
        Optional<String> master = Optional.ofNullable(node.string("master", null));
        int partitions = node.positiveInt("shuffle_partitions", 4);
        Map<String, String> options = new LinkedHashMap<>();
        if (node.has("options")) {
            ConfigNode section = node.section("options");
            for (String key : section.keys()) {
                if (!key.startsWith("spark.")) {
                    throw new ConfigException(section.key(key) + ": Spark options start with \"spark.\"");
                }
                options.put(key, section.string(key, ""));
            }
        } else {
            node.raw("options");
        }
        node.rejectUnknownKeys();
        return new Spark(master, partitions, Map.copyOf(options), Optional.empty());
    }

    private static Survey survey(ConfigNode node) {
        Survey survey = new Survey(
                node.string("brand", "our shop"),
                Optional.ofNullable(node.string("secret", null)),
                stripTrailingSlash(node.string("base_url", "http://localhost:7070")),
                node.positiveInt("invitation_ttl_days", 30),
                node.positiveInt("fatigue_days", 30),
                node.positiveInt("comment_edit_hours", 24),
                node.positiveInt("rate_limit_per_minute", 120),
                node.parsed("send", false, CskpiConfig::strictBoolean, "true or false"),
                node.positiveInt("contact_retention_days", 90),
                node.positiveInt("send_rate_per_minute", 60));
        node.rejectUnknownKeys();
        return survey;
    }

    private static Weekly weekly(ConfigNode node, Path dataDir) {
        Weekly weekly = new Weekly(Path.of(node.string("inbox", dataDir.resolve("inbox").toString())));
        node.rejectUnknownKeys();
        return weekly;
    }

    private static Report report(ConfigNode node) {
        List<String> recipients = node.strings("recipients");
        for (String address : recipients) {
            MailSettings.requireAddress(node.key("recipients"), address);
        }
        TicketUrl ticketUrl = TicketUrl.from(node);
        node.rejectUnknownKeys();
        return new Report(List.copyOf(recipients), ticketUrl);
    }

    /** {@code secure_cookies} defaults to true when the app's public URL is https. */
    private static Web web(ConfigNode node, Survey survey) {
        Web web = new Web(
                node.positiveInt("port", 7070),
                Optional.ofNullable(node.string("api_key", null)),
                node.positiveInt("query_timeout_seconds", 10),
                node.positiveInt("query_max_rows", 10_000),
                node.positiveInt("login_attempts_per_minute", 10),
                node.parsed("secure_cookies", survey.baseUrl().startsWith("https://"),
                        CskpiConfig::strictBoolean, "true or false"),
                node.parsed("trust_forwarded_for", false, CskpiConfig::strictBoolean, "true or false"));
        node.rejectUnknownKeys();
        return web;
    }

    private static SqlServer sqlServer(ConfigNode node) {
        SqlServer server = new SqlServer(
                node.string("host", "127.0.0.1"),
                node.parsed("port", 15002, Integer::parseInt, "a port number"),
                Optional.ofNullable(node.string("token", null)),
                node.parsed("autostart", false, CskpiConfig::strictBoolean, "true or false"),
                node.positiveInt("query_timeout_seconds", 60),
                node.positiveInt("max_rows", 100_000));
        if (server.port() < 1 || server.port() > 65_535) {
            throw new ConfigException(node.key("port") + ": expected a port number from 1 to 65535");
        }
        if (server.token().isPresent() && server.token().get().length() < 16) {
            throw new ConfigException(node.key("token") + ": must be at least 16 characters (./cskpi demo generates one)");
        }
        node.rejectUnknownKeys();
        return server;
    }

    /** This config with {@code --master URL}: it wins over spark-submit's master and {@code spark.master}. */
    public CskpiConfig withSparkMaster(String master) {
        return with(ingest, new Spark(spark.master(), spark.shufflePartitions(), spark.options(), Optional.of(master)), web);
    }

    /** This config with {@code --source-tz ZONE} in place of {@code ingest.source_timezone}. */
    public CskpiConfig withSourceTimezone(ZoneId zone) {
        return with(new Ingest(zone, ingest.customerKey(), ingest.zendeskCategoryField()), spark, web);
    }

    /** This config with {@code --port PORT} in place of {@code web.port}. */
    public CskpiConfig withWebPort(int port) {
        return with(ingest, spark, new Web(port, web.apiKey(), web.queryTimeoutSeconds(), web.queryMaxRows(),
                web.loginAttemptsPerMinute(), web.secureCookies(), web.trustForwardedFor()));
    }

    /** This config with {@code report.ticket_url} set to {@code ticketUrl} (for tests and embedders). */
    public CskpiConfig withTicketUrl(TicketUrl ticketUrl) {
        return new CskpiConfig(dataDir, business, frtTargetSeconds, repeatContactWindowDays, warehouse, storeUrl,
                storePassword, ingest, spark, survey, web, new Report(report.recipients(), ticketUrl), weekly, mail, sqlServer);
    }

    /** This config with other {@code sql_server} settings (tests start services on free ports). */
    public CskpiConfig withSqlServer(SqlServer newSqlServer) {
        return new CskpiConfig(dataDir, business, frtTargetSeconds, repeatContactWindowDays, warehouse, storeUrl,
                storePassword, ingest, spark, survey, web, report, weekly, mail, newSqlServer);
    }

    private CskpiConfig with(Ingest newIngest, Spark newSpark, Web newWeb) {
        return new CskpiConfig(dataDir, business, frtTargetSeconds, repeatContactWindowDays, warehouse, storeUrl,
                storePassword, newIngest, newSpark, survey, newWeb, report, weekly, mail, sqlServer);
    }

    /** The FRT target of a channel (docs/kpis.md#targets: {@code other} has none). */
    public Optional<Long> frtTarget(String channel) {
        return Optional.ofNullable(frtTargetSeconds.get(channel.toLowerCase(Locale.ROOT)));
    }

    private static boolean strictBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
