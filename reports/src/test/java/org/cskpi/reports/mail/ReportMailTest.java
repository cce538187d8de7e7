package org.cskpi.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.config.MailSettings;
import org.cskpi.mail.MailFailure;
import org.cskpi.mail.RetryPolicy;
import org.cskpi.mail.SendResult;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.TwoWeeks;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.reports.html.ScriptMode;
import org.cskpi.reports.tiles.KpiSpec;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly report e-mail sent through a real SMTP server (GreenMail) and read back as a mail
 * client would: its parts, its tiles against the KPI store, its subject, link and attachment.
 */
class ReportMailTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String BASE_URL = "https://kpi.nordlys.example";
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, duration -> { });
    private final StoreRows rows = TwoWeeks.fill(StoreRows.fresh());

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        rows.store().close();
    }

    private static MailSettings smtp(String host, int port) {
        return new MailSettings("Nordlys KPI <kpi@nordlys.example>", new MailSettings.Smtp(host, port,
                MailSettings.Security.NONE, Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    private WeeklyReport report(CskpiConfig config, IsoWeek week, Filters filters) {
        return ReportBuilder.build(rows.dsl(), config, week, filters);
    }

    private WeeklyReport report(IsoWeek week, Filters filters) {
        return report(CskpiConfig.defaults(dir), week, filters);
    }

    /** The report file as {@code cskpi report} writes it. */
    private Path file(WeeklyReport report) throws IOException {
        return Files.writeString(dir.resolve(report.week() + ".html"), HtmlReport.page(report, ScriptMode.inline()));
    }

    private MimeMessage sendAndReceive(WeeklyReport report, List<String> to) throws IOException {
        ReportSender sender = new ReportSender(smtp(GREEN_MAIL.getSmtp().getServerSetup().getBindAddress(),
                GREEN_MAIL.getSmtp().getPort()), BASE_URL, ONCE);
        assertThat(sender.send(report, file(report), to)).isInstanceOf(SendResult.Sent.class);
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(to.size());
        return received[0];
    }

    /** A composed message written out and parsed again, as it would arrive. */
    private MimeMessage composed(WeeklyReport report) throws Exception {
        MimeMessage message = new ReportMail("kpi@nordlys.example", BASE_URL).compose(report, file(report),
                List.of("lead@nordlys.example"));
        message.saveChanges();
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        message.writeTo(wire);
        return new MimeMessage(null, new java.io.ByteArrayInputStream(wire.toByteArray()));
    }

    @Test
    void each_tile_shows_the_stores_value_for_the_week_and_its_change() throws Exception {
        ReceivedReport mail = ReceivedReport.of(sendAndReceive(report(TwoWeeks.WEEK, Filters.none()),
                List.of("lead@nordlys.example")));

        // every headline figure, in the report's order, with its value as the store has it
        Map<String, Double> stored = rows.dsl().select(KPI_WEEKLY.KPI, KPI_WEEKLY.VALUE).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.eq(TwoWeeks.WEEK.toString()), KPI_WEEKLY.BREAKDOWN.eq("all"))
                .fetchMap(Record2::value1, Record2::value2);
        assertThat(mail.tiles().keySet()).containsExactlyElementsOf(
                Arrays.stream(KpiSpec.values()).map(spec -> spec.kpi().storedName()).toList());
        for (KpiSpec spec : KpiSpec.values()) {
            String kpi = spec.kpi().storedName();
            String expected = stored.containsKey(kpi) ? spec.unit().format(stored.get(kpi)) : "no data";
            assertThat(mail.tiles().get(kpi).value()).as(kpi).isEqualTo(expected);
        }
        // the same, worked out by hand
        assertThat(mail.tiles()).extractingFromEntries(e -> e.getKey() + " = " + e.getValue().value() + " | "
                + e.getValue().change()).containsExactly(
                "volume = 1,100 | \u25b2 10% vs last week",
                "frt_median_s = 2 h 30 min | \u25b2 25% vs last week",
                "frt_business_median_s = 45 min | \u25bc 10% vs last week",
                "frt_within_target_rate = 76.2% | \u25bc 3.8 pts vs last week",
                "resolution_rate = 85.1% | \u25b2 0.1 pts vs last week",
                "one_touch_rate = 45.0% | = 0.0 pts vs last week",
                "reopen_rate = no data | no value this week",
                "repeat_contact_rate = 12.0% | \u25b2 2.0 pts vs last week",
                "backlog = no data | no value this week",
                "nps = +30 | \u25bc 10 pts vs last week");
        assertThat(mail.tiles().get("repeat_contact_rate").text()).contains("small sample (n=20)");
        assertThat(mail.tiles().get("nps").text()).contains("\u00b19 at 95%, 110 answers");
        assertThat(mail.tiles().get("volume").text()).doesNotContain("small sample").doesNotContain("incomplete");
        // worse is red, better green, volume grey
        assertThat(mail.html()).containsPattern("data-kpi=\"frt_median_s\">.*?class=\"change\" style=\"[^\"]*color:#cf222e")
                .containsPattern("data-kpi=\"frt_business_median_s\">.*?class=\"change\" style=\"[^\"]*color:#1a7f37")
                .containsPattern("data-kpi=\"volume\">.*?class=\"change\" style=\"[^\"]*color:#57606a");
    }

    @Test
    void the_subject_names_the_two_biggest_changes() throws Exception {
        MimeMessage received = sendAndReceive(report(TwoWeeks.WEEK, Filters.none()), List.of("lead@nordlys.example"));

        // chat FRT median +39.8% and FRT median +25% outweigh NPS -10 points (as 20%)
        assertThat(received.getSubject())
                .isEqualTo("Customer service, week 2026-W47: Chat FRT median up 40%, FRT median up 25%");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("Nordlys KPI <kpi@nordlys.example>"));
    }

    @Test
    void both_parts_tell_what_changed_and_link_the_web_report_and_the_attachment_is_the_report_file() throws Exception {
        WeeklyReport report = report(TwoWeeks.WEEK, Filters.none());
        MimeMessage received = sendAndReceive(report, List.of("lead@nordlys.example", "Kari <kari@nordlys.example>"));
        ReceivedReport mail = ReceivedReport.of(received);

        assertThat(received.getRecipients(Message.RecipientType.TO)).containsExactly(
                new InternetAddress("lead@nordlys.example"), new InternetAddress("Kari <kari@nordlys.example>"));
        List<String> sentences = List.of("Chat FRT median rose 40% to 2 min 10 s, above the 1 min target.",
                "FRT median rose 25% to 2 h 30 min.", "NPS fell 10 points to +30 (\u00b19, 110 answers).");
        assertThat(report.sentences()).isEqualTo(sentences);
        for (String sentence : sentences) {
            assertThat(mail.text()).contains("- " + sentence + "\n");
            assertThat(mail.html()).contains("\">" + sentence + "</li>");
        }
        assertThat(mail.text()).contains("The report in the web app: https://kpi.nordlys.example/reports/2026-W47\n")
                .contains("- Tickets: 1,100 (\u25b2 10% vs last week)\n")
                .contains("- Repeat contact rate: 12.0% (\u25b2 2.0 pts vs last week; small sample (n=20))\n");
        assertThat(mail.html()).contains("<a href=\"https://kpi.nordlys.example/reports/2026-W47\"");
        assertThat(mail.attachmentName()).isEqualTo("2026-W47.html");
        assertThat(mail.attachmentType()).startsWith("text/html");
        assertThat(mail.attachment()).isEqualTo(Files.readAllBytes(dir.resolve("2026-W47.html")));
    }

    @Test
    void a_channel_report_shows_its_frt_target_met_or_missed_and_links_the_filtered_page() throws Exception {
        ReceivedReport chat = ReceivedReport.of(composed(report(TwoWeeks.WEEK, Filters.channel("chat"))));
        ReceivedReport email = ReceivedReport.of(composed(report(TwoWeeks.WEEK, Filters.channel("email"))));

        // chat: 2 min 10 s against 1 min; email: 1 h 2 min against 3 h
        assertThat(chat.tiles().get("frt_median_s").text()).contains("target 1 min \u00b7 missed");
        assertThat(chat.html()).containsPattern("color:#cf222e;\">target 1 min \u00b7 missed");
        assertThat(email.tiles().get("frt_median_s").text()).contains("target 3 h \u00b7 met");
        assertThat(email.text()).contains("- First response (median): 1 h 2 min (\u25b2 3% vs last week; target 3 h \u00b7 met)");
        assertThat(chat.text()).contains("https://kpi.nordlys.example/reports/2026-W47?channel=chat");
        assertThat(ReportMail.subject(report(TwoWeeks.WEEK, Filters.channel("chat"))))
                .isEqualTo("Customer service (chat), week 2026-W47: FRT median up 40%");
        assertThat(ReportMail.subject(report(TwoWeeks.WEEK, Filters.team("Tech <Support>"))))
                .startsWith("Customer service (team Tech <Support>), week 2026-W47: ");
        assertThat(ReportMail.webPath(TwoWeeks.WEEK, Filters.team("Tech <Support>")))
                .isEqualTo("/reports/2026-W47?team=Tech+%3CSupport%3E");
    }

    @Test
    void an_incomplete_week_is_marked_and_compared_with_nothing() throws Exception {
        WeeklyReport report = report(IsoWeek.parse("2026-W48"), Filters.none());
        ReceivedReport mail = ReceivedReport.of(composed(report));

        assertThat(ReportMail.subject(report))
                .isEqualTo("Customer service, week 2026-W48: incomplete week, not compared with 2026-W47");
        assertThat(mail.tiles().get("volume").value()).isEqualTo("300");
        assertThat(mail.tiles().get("volume").change()).isEqualTo("not compared: incomplete week");
        assertThat(mail.tiles().get("volume").text()).contains("incomplete");
        assertThat(mail.html()).contains("This week is not over in the data yet");
        assertThat(mail.text()).contains("- Tickets: 300 (not compared: incomplete week; incomplete)");
    }

    @Test
    void the_brand_and_every_text_are_escaped_in_the_html(@TempDir Path configDir) throws Exception {
        Path yaml = Files.writeString(configDir.resolve("cskpi.yaml"), "survey:\n  brand: \"Fjell & <Fjord>\"\n",
                StandardCharsets.UTF_8);
        WeeklyReport report = report(CskpiConfig.load(Optional.of(yaml), configDir), TwoWeeks.WEEK, Filters.none());

        ReceivedReport mail = ReceivedReport.of(composed(report));

        assertThat(mail.html()).contains("Fjell &amp; &lt;Fjord&gt; support \u2014 week 2026-W47").doesNotContain("<Fjord>");
        assertThat(mail.text()).startsWith("Fjell & <Fjord> support \u2014 week 2026-W47\n");
    }

    @Test
    void a_refused_connection_comes_back_as_a_one_line_failure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WeeklyReport report = report(TwoWeeks.WEEK, Filters.none());

        SendResult result = new ReportSender(smtp("127.0.0.1", closedPort), BASE_URL, ONCE)
                .send(report, file(report), List.of("lead@nordlys.example"));

        assertThat(result).isInstanceOf(MailFailure.class);
        assertThat(((MailFailure) result).message()).isEqualTo("connection refused at 127.0.0.1:" + closedPort);
    }

    @Test
    void recipients_must_be_addresses() {
        assertThatThrownBy(() -> ReportMail.addresses(List.of("lead@nordlys.example", "lead at nordlys")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an e-mail address: lead at nordlys");
        assertThatThrownBy(() -> ReportMail.addresses(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one recipient");
    }
}
