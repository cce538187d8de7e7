package org.cskpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.MailSettings.Outbox;
import org.cskpi.config.MailSettings.Security;
import org.cskpi.config.MailSettings.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailSettingsTest {

    private static final Map<String, String> ENV = Map.of("SMTP_PASSWORD", "from-the-environment");

    private static Optional<MailSettings> parse(String yaml) {
        Map<?, ?> root = YamlFiles.loader().load(yaml);
        return MailSettings.from(new ConfigNode("", root).section("mail"), ENV);
    }

    @Test
    void no_mail_section_means_no_mail() {
        assertThat(parse("survey: {brand: x}")).isEmpty();
        assertThat(parse("mail:")).isEmpty();
    }

    @Test
    void reads_an_smtp_server_with_a_password_from_the_environment() {
        MailSettings settings = parse("""
                mail:
                  from: "Nordlys Outdoor <survey@nordlys.example>"
                  smtp:
                    host: smtp.example.com
                    port: 2525
                    username: survey
                    password_env: SMTP_PASSWORD
                    security: ssl
                    connect_timeout_seconds: 5
                    read_timeout_seconds: 20
                """).orElseThrow();

        assertThat(settings.from()).isEqualTo("Nordlys Outdoor <survey@nordlys.example>");
        assertThat(settings.delivery()).isEqualTo(new Smtp("smtp.example.com", 2525, Security.SSL,
                Optional.of("survey"), Optional.of("from-the-environment"), Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertThat(settings.delivery().toString()).doesNotContain("from-the-environment");
    }

    @ParameterizedTest(name = "security {0} -> port {1}")
    @CsvSource({"none, 25", "starttls, 587", "ssl, 465", "STARTTLS, 587"})
    void the_port_defaults_to_the_one_of_the_security(String security, int port) {
        Smtp smtp = (Smtp) parse("mail: {from: a@b.example, smtp: {host: h, security: " + security + "}}")
                .orElseThrow().delivery();

        assertThat(smtp.port()).isEqualTo(port);
        assertThat(smtp.username()).isEmpty();
        assertThat(smtp.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(smtp.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void starttls_is_the_default_security() {
        Smtp smtp = (Smtp) parse("mail: {from: a@b.example, smtp: {host: h}}").orElseThrow().delivery();

        assertThat(smtp.security()).isEqualTo(Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
    }

    @Test
    void reads_an_outbox_folder() {
        MailSettings settings = parse("mail: {from: survey@x.example, outbox_dir: /srv/outbox}").orElseThrow();

        assertThat(settings.delivery()).isEqualTo(new Outbox(Path.of("/srv/outbox")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mail: {from: a@b.example, smtp: {host: h}, outbox_dir: o}"
                    + " | mail.outbox_dir: give either mail.smtp (send through a server) or mail.outbox_dir",
            "mail: {from: a@b.example, smtp: {port: 25}} | mail.smtp.host: required",
            "mail: {smtp: {host: h}} | mail.from: required",
            "mail: {from: nobody, outbox_dir: o} | mail.from: expected an address",
            "mail: {from: a@b.example} | mail.from: set mail.smtp.host or mail.outbox_dir too",
            "mail: {from: a@b.example, outbox_dir: ''} | mail.outbox_dir: expected a folder",
            "mail: {from: a@b.example, smtp: {host: h, security: tls}} | mail.smtp.security: expected none, starttls or ssl, got \"tls\"",
            "mail: {from: a@b.example, smtp: {host: h, port: 70000}} | mail.smtp.port: expected a port number from 1 to 65535",
            "mail: {from: a@b.example, smtp: {host: h, port: smtp}} | mail.smtp.port: expected a port number, got \"smtp\"",
            "mail: {from: a@b.example, smtp: {host: h, username: u}} | mail.smtp.username: needs mail.smtp.password or mail.smtp.password_env",
            "mail: {from: a@b.example, smtp: {host: h, password: p}} | mail.smtp.password: needs mail.smtp.username",
            "mail: {from: a@b.example, smtp: {host: h, username: u, password: p, password_env: SMTP_PASSWORD}}"
                    + " | mail.smtp.password_env: give either mail.smtp.password or mail.smtp.password_env, not both",
            "mail: {from: a@b.example, smtp: {host: h, username: u, password_env: NOT_SET}}"
                    + " | mail.smtp.password_env: the environment variable NOT_SET is not set",
            "mail: {from: a@b.example, smtp: {host: h, read_timeout_seconds: 0}} | mail.smtp.read_timeout_seconds: expected a number above 0",
            "mail: {from: a@b.example, smtp: {host: h, hostname: h}} | mail.smtp.hostname: unknown setting",
            "mail: {from: a@b.example, outbox: o} | mail.outbox: unknown setting"})
    void a_bad_setting_is_an_error_naming_its_key(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }
}
