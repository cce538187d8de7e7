package org.cskpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CskpiConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaults_follow_design_md_and_kpis_md() {
        CskpiConfig config = CskpiConfig.defaults(dir);
        assertThat(config.business().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.business().week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(config.frtTarget("chat")).contains(60L);
        assertThat(config.frtTarget("email")).contains(10_800L);
        assertThat(config.frtTarget("other")).isEmpty();
        assertThat(config.repeatContactWindowDays()).isEqualTo(7);
        assertThat(config.warehouse()).isEqualTo(dir.resolve("warehouse").toString());
        assertThat(config.storeUrl()).isEqualTo("jdbc:h2:" + dir.toAbsolutePath().resolve("cskpi"));
        assertThat(config.storePassword()).isEmpty();
        assertThat(config.spark().shufflePartitions()).isEqualTo(4);
    }

    @Test
    void a_flag_replaces_its_own_setting_and_keeps_the_rest_of_the_file() throws IOException {
        Path file = write("""
                ingest:
                  source_timezone: Europe/Oslo
                  customer_key: k
                spark:
                  master: spark://yaml:7077
                  shuffle_partitions: 8
                web:
                  port: 8080
                  api_key: secret
                """);
        CskpiConfig fromFile = CskpiConfig.load(Optional.of(file), dir);

        CskpiConfig config = fromFile.withSparkMaster("local[2]").withSourceTimezone(ZoneId.of("America/New_York"))
                .withWebPort(9090);

        assertThat(config.spark().commandLineMaster()).contains("local[2]");
        assertThat(config.spark().master()).contains("spark://yaml:7077");
        assertThat(config.spark().shufflePartitions()).isEqualTo(8);
        assertThat(config.ingest().sourceTimezone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.ingest().customerKey()).contains("k");
        assertThat(config.web().port()).isEqualTo(9090);
        assertThat(config.web().apiKey()).contains("secret");
        assertThat(config.storeUrl()).isEqualTo(fromFile.storeUrl());
        assertThat(fromFile.spark().commandLineMaster()).isEmpty();
        assertThat(fromFile.web().port()).isEqualTo(8080);
    }

    @Test
    void reads_the_documented_keys() throws IOException {
        Path file = write("""
                business:
                  timezone: Europe/Oslo
                  hours:
                    mon: "09:00-17:00"
                    sat: "10:00-14:00"
                  holidays: [2026-12-24, 2026-12-25]
                targets:
                  frt_seconds: {chat: 30}
                repeat_contact:
                  window_days: 14
                warehouse: /srv/warehouse
                store:
                  url: jdbc:h2:/srv/cskpi
                  password: from-the-operator
                """);
        CskpiConfig config = CskpiConfig.load(Optional.of(file), dir);
        assertThat(config.business().zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(config.business().week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(config.business().week().get(DayOfWeek.SATURDAY).end()).isEqualTo(LocalTime.of(14, 0));
        assertThat(config.business().holidays()).containsExactlyInAnyOrder(
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
        assertThat(config.business().openOn(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(config.frtTarget("chat")).contains(30L);
        assertThat(config.frtTarget("phone")).contains(60L);
        assertThat(config.repeatContactWindowDays()).isEqualTo(14);
        assertThat(config.warehouse()).isEqualTo("/srv/warehouse");
        assertThat(config.storeUrl()).isEqualTo("jdbc:h2:/srv/cskpi");
        assertThat(config.storePassword()).contains("from-the-operator");
    }

    @Test
    void a_misspelt_key_is_an_error_naming_it() throws IOException {
        Path file = write("repeat_contact:\n  window_dayz: 7\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(file), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("repeat_contact.window_dayz: unknown setting");
    }

    @Test
    void an_empty_store_password_is_an_error() throws IOException {
        Path file = write("store:\n  password: \"\"\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(file), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("store.password: must not be empty");
    }

    @Test
    void a_bad_value_is_an_error_naming_the_key_and_the_text() throws IOException {
        Path zone = write("business:\n  timezone: Mars/Olympus\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(zone), dir))
                .hasMessageContaining("business.timezone").hasMessageContaining("Mars/Olympus");
        Path hours = write("business:\n  hours:\n    mon: \"17:00-09:00\"\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(hours), dir))
                .hasMessageContaining("business.hours.mon");
        Path window = write("repeat_contact:\n  window_days: 0\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(window), dir))
                .hasMessageContaining("repeat_contact.window_days");
    }

    @Test
    void the_sql_server_listens_on_loopback_by_default_and_needs_a_long_enough_token() throws IOException {
        CskpiConfig.SqlServer defaults = CskpiConfig.defaults(dir).sqlServer();
        assertThat(defaults.url()).isEqualTo("sc://127.0.0.1:15002");
        assertThat(defaults.token()).isEmpty();
        assertThat(defaults.autostart()).isFalse();
        Path set = write("sql_server:\n  port: 16000\n  token: abcdefghijklmnop\n  autostart: true\n");
        CskpiConfig.SqlServer server = CskpiConfig.load(Optional.of(set), dir).sqlServer();
        assertThat(server.url()).isEqualTo("sc://127.0.0.1:16000");
        assertThat(server.token()).contains("abcdefghijklmnop");
        assertThat(server.toString()).doesNotContain("abcdefghijklmnop");
        Path shortToken = write("sql_server:\n  token: abc\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(shortToken), dir))
                .hasMessageContaining("sql_server.token: must be at least 16 characters");
        Path badPort = write("sql_server:\n  port: 70000\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(badPort), dir))
                .hasMessageContaining("sql_server.port: expected a port number from 1 to 65535");
    }

    @Test
    void trust_forwarded_for_is_off_unless_set_and_must_be_a_boolean() throws IOException {
        assertThat(CskpiConfig.defaults(dir).web().trustForwardedFor()).isFalse();
        Path on = write("web:\n  trust_forwarded_for: true\n");
        assertThat(CskpiConfig.load(Optional.of(on), dir).web().trustForwardedFor()).isTrue();
        Path bad = write("web:\n  trust_forwarded_for: yes please\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(bad), dir))
                .hasMessageContaining("web.trust_forwarded_for: expected true or false");
    }

    @Test
    void secure_cookies_follow_an_https_base_url_unless_set() throws IOException {
        assertThat(CskpiConfig.defaults(dir).web().secureCookies()).isFalse();
        Path https = write("survey:\n  base_url: https://nps.example.com/\n");
        assertThat(CskpiConfig.load(Optional.of(https), dir).web().secureCookies()).isTrue();
        Path forced = write("survey:\n  base_url: https://nps.example.com\nweb:\n  secure_cookies: false\n");
        assertThat(CskpiConfig.load(Optional.of(forced), dir).web().secureCookies()).isFalse();
        Path bad = write("web:\n  secure_cookies: maybe\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(bad), dir))
                .hasMessageContaining("web.secure_cookies: expected true or false, got \"maybe\"");
    }

    @Test
    void a_named_config_file_that_does_not_exist_is_an_error() {
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(dir.resolve("nope.yaml")), dir))
                .hasMessageContaining("nope.yaml: config file not found");
    }

    @Test
    void zendesk_category_field_is_a_numeric_ticket_field_id() throws IOException {
        assertThat(CskpiConfig.defaults(dir).ingest().zendeskCategoryField()).isEmpty();
        Path good = write("ingest:\n  zendesk:\n    category_field: 360011759674\n");
        assertThat(CskpiConfig.load(Optional.of(good), dir).ingest().zendeskCategoryField()).contains("360011759674");
        Path bad = write("ingest:\n  zendesk:\n    category_field: Category\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(bad), dir))
                .hasMessageContaining("ingest.zendesk.category_field").hasMessageContaining("Category");
        Path typo = write("ingest:\n  zendesk:\n    category_feld: 1\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(typo), dir))
                .hasMessageContaining("ingest.zendesk.category_feld: unknown setting");
    }

    @Test
    void the_mail_section_and_the_sending_keys_are_read_with_the_rest_of_the_file() throws IOException {
        CskpiConfig defaults = CskpiConfig.defaults(dir);
        assertThat(defaults.mail()).isEmpty();
        assertThat(defaults.survey().send()).isFalse();
        assertThat(defaults.survey().contactRetentionDays()).isEqualTo(90);
        assertThat(defaults.survey().sendRatePerMinute()).isEqualTo(60);
        assertThat(defaults.report().recipients()).isEmpty();
        assertThat(defaults.weekly().inbox()).isEqualTo(dir.resolve("inbox"));
        Path file = write("""
                mail:
                  from: survey@shop.example
                  outbox_dir: out
                survey:
                  send: true
                  contact_retention_days: 30
                  send_rate_per_minute: 120
                report:
                  recipients: [lead@shop.example, "Ops <ops@shop.example>"]
                run:
                  inbox: /srv/exports
                """);

        CskpiConfig config = CskpiConfig.load(Optional.of(file), dir).withWebPort(9090);

        assertThat(config.mail()).map(MailSettings::delivery).contains(new MailSettings.Outbox(Path.of("out")));
        assertThat(config.survey().send()).isTrue();
        assertThat(config.survey().contactRetentionDays()).isEqualTo(30);
        assertThat(config.survey().sendRatePerMinute()).isEqualTo(120);
        assertThat(config.report().recipients()).containsExactly("lead@shop.example", "Ops <ops@shop.example>");
        assertThat(config.weekly().inbox()).isEqualTo(Path.of("/srv/exports"));
    }

    @Test
    void sending_without_mail_settings_or_to_a_bad_address_is_an_error_naming_the_key() throws IOException {
        Path noMail = write("survey:\n  send: true\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(noMail), dir))
                .hasMessageContaining("survey.send").hasMessageContaining("mail");
        Path badRecipient = write("report:\n  recipients: [lead.shop.example]\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(badRecipient), dir))
                .hasMessageContaining("report.recipients").hasMessageContaining("lead.shop.example");
        Path typo = write("report:\n  recipient: [a@b.example]\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(typo), dir))
                .hasMessageContaining("report.recipient: unknown setting");
    }

    @Test
    void ticket_url_is_an_http_or_https_template_and_links_escape_the_id() throws IOException {
        assertThat(CskpiConfig.defaults(dir).report().ticketUrl().link("4711")).isEmpty();
        Path good = write("report:\n  ticket_url: https://acme.zendesk.com/agent/tickets/{id}\n");
        TicketUrl report = CskpiConfig.load(Optional.of(good), dir).report().ticketUrl();
        assertThat(report.link("4711")).contains("https://acme.zendesk.com/agent/tickets/4711");
        assertThat(report.link("a/b ?c#d\"<")).contains("https://acme.zendesk.com/agent/tickets/a%2Fb%20%3Fc%23d%22%3C");
        assertThat(report.link(null)).isEmpty();
        for (String bad : new String[] {"javascript:alert(1)//{id}", "ftp://acme.example/{id}", "/agent/tickets/{id}",
                "https://acme.zendesk.com/agent/tickets/", "https://acme zendesk/{id}"}) {
            Path file = write("report:\n  ticket_url: \"" + bad + "\"\n");
            assertThatThrownBy(() -> CskpiConfig.load(Optional.of(file), dir)).as(bad)
                    .hasMessageContaining("report.ticket_url: expected an http or https address with {id}")
                    .hasMessageContaining(bad);
        }
        Path typo = write("report:\n  ticket_link: https://acme.example/{id}\n");
        assertThatThrownBy(() -> CskpiConfig.load(Optional.of(typo), dir))
                .hasMessageContaining("report.ticket_link: unknown setting");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "cskpi", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
