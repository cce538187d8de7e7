package org.cskpi.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cskpi.cli.Cli;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.TwoWeeks;
import org.cskpi.reports.mail.ReceivedReport;
import org.cskpi.reports.tiles.KpiSpec;
import org.cskpi.store.Store;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code cskpi report --send}: the command writes the report, then e-mails that file through GreenMail. */
class ReportSendTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("kpi@nordlys.example", "kpi", "right"));

    private static final String URL = "jdbc:h2:mem:report-send-" + UUID.randomUUID();
    private static final String RECIPIENTS = "report:\n  recipients:\n    - lead@nordlys.example\n"
            + "    - \"Kari Nordmann <kari@nordlys.example>\"\n";
    private static Store store;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeAll
    static void fill() {
        store = Store.openMigrated(URL);
        TwoWeeks.fill(StoreRows.wrap(store));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private int run(String... args) {
        CommandLine cli = Cli.commandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A config file: the sample store, the web app's address, and {@code more} (mail, report sections). */
    private String config(String more) throws Exception {
        return Files.writeString(dir.resolve("cskpi.yaml"), "store:\n  url: " + URL + "\n"
                + "survey:\n  base_url: https://kpi.nordlys.example\n" + more).toString();
    }

    private static String smtp(String password) {
        return "mail:\n  from: \"Nordlys KPI <kpi@nordlys.example>\"\n  smtp:\n"
                + "    host: " + GREEN_MAIL.getSmtp().getServerSetup().getBindAddress() + "\n"
                + "    port: " + GREEN_MAIL.getSmtp().getPort() + "\n    security: none\n"
                + "    username: kpi\n    password: " + password + "\n";
    }

    @Test
    void sends_the_report_it_wrote_to_the_to_addresses() throws Exception {
        int exit = run("--config", config(smtp("right") + RECIPIENTS), "--data-dir", dir.toString(),
                "--send", "--to", "boss@nordlys.example, ops@nordlys.example");

        assertThat(exit).as(err.toString()).isZero();
        Path file = dir.resolve("reports/2026-W47.html");
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);   // one copy per recipient
        assertThat(out.toString()).contains("Wrote the 2026-W47 report to " + file)
                .containsPattern("E-mailed the 2026-W47 report to boss@nordlys.example, ops@nordlys.example "
                        + "\\(<[0-9a-f-]{36}@nordlys\\.example>\\)");
        MimeMessage message = received[0];
        assertThat(message.getRecipients(Message.RecipientType.TO)).containsExactly(
                new InternetAddress("boss@nordlys.example"), new InternetAddress("ops@nordlys.example"));
        assertThat(message.getSubject())
                .isEqualTo("Customer service, week 2026-W47: Chat FRT median up 40%, FRT median up 25%");
        ReceivedReport mail = ReceivedReport.of(message);
        assertThat(mail.attachment()).isEqualTo(Files.readAllBytes(file));
        assertThat(mail.attachmentName()).isEqualTo("2026-W47.html");
        assertThat(mail.text()).contains("https://kpi.nordlys.example/reports/2026-W47");
        Map<String, Double> stored = store.dsl().select(KPI_WEEKLY.KPI, KPI_WEEKLY.VALUE).from(KPI_WEEKLY)
                .where(KPI_WEEKLY.WEEK.eq("2026-W47"), KPI_WEEKLY.BREAKDOWN.eq("all"))
                .fetchMap(Record2::value1, Record2::value2);
        for (KpiSpec spec : KpiSpec.values()) {
            String kpi = spec.kpi().storedName();
            if (stored.containsKey(kpi)) {
                assertThat(mail.tiles().get(kpi).value()).as(kpi).isEqualTo(spec.unit().format(stored.get(kpi)));
            }
        }
    }

    @Test
    void without_to_it_mails_the_configured_recipients_the_chosen_week() throws Exception {
        int exit = run("--config", config(smtp("right") + RECIPIENTS), "--data-dir", dir.toString(),
                "--week", "2026-W46", "--send");

        assertThat(exit).as(err.toString()).isZero();
        MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(message.getRecipients(Message.RecipientType.TO)).containsExactly(
                new InternetAddress("lead@nordlys.example"), new InternetAddress("Kari Nordmann <kari@nordlys.example>"));
        assertThat(message.getSubject()).isEqualTo("Customer service, week 2026-W46: nothing to compare with 2026-W45");
        assertThat(ReceivedReport.of(message).attachment()).isEqualTo(Files.readAllBytes(dir.resolve("reports/2026-W46.html")));
    }

    @Test
    void with_an_outbox_it_prints_where_the_message_is() throws Exception {
        Path outbox = dir.resolve("outbox");
        int exit = run("--config", config("mail:\n  from: kpi@nordlys.example\n  outbox_dir: " + outbox + "\n" + RECIPIENTS),
                "--data-dir", dir.toString(), "--send");

        assertThat(exit).as(err.toString()).isZero();
        try (var files = Files.list(outbox)) {
            Path eml = files.findFirst().orElseThrow();
            assertThat(out.toString()).contains("Wrote the 2026-W47 report e-mail to lead@nordlys.example, "
                    + "Kari Nordmann <kari@nordlys.example> as " + eml);
            try (InputStream in = Files.newInputStream(eml)) {
                ReceivedReport mail = ReceivedReport.of(new MimeMessage(null, in));
                assertThat(mail.attachment()).isEqualTo(Files.readAllBytes(dir.resolve("reports/2026-W47.html")));
            }
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no mail section | false | true | --send | --send: no mail settings; add a mail section",
        "no recipients | true | false | --send | --send: no recipients; give --to a@x,b@y or set report.recipients",
        "--to without --send | true | true | --to=a@nordlys.example | --to needs --send",
        "JSON | true | true | --send;--format=json | --send attaches the HTML report: leave out --format json",
        "a bad address | true | true | --send;--to=lead@nordlys.example,lead at nordlys | --to: not an e-mail address: lead at nordlys"})
    void what_sending_needs_is_checked_before_any_work(String name, boolean mail, boolean recipients, String options,
                                                       String message) throws Exception {
        String yaml = config((mail ? smtp("right") : "") + (recipients ? RECIPIENTS : ""));
        List<String> args = new ArrayList<>(List.of("--config", yaml, "--data-dir", dir.toString()));
        args.addAll(List.of(options.split(";")));

        assertThat(run(args.toArray(String[]::new))).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).startsWith("cskpi: " + message);
        assertThat(dir.resolve("reports")).doesNotExist();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_refused_login_fails_the_command_in_one_line_after_writing_the_report() throws Exception {
        int exit = run("--config", config(smtp("wrong") + RECIPIENTS), "--data-dir", dir.toString(), "--send");

        assertThat(exit).isEqualTo(Cli.FAILED);
        Path file = dir.resolve("reports/2026-W47.html");
        assertThat(file).isNotEmptyFile();
        assertThat(err.toString()).startsWith("cskpi: the 2026-W47 report was written to " + file
                + " but not e-mailed: 535 authentication failed at ").hasLineCount(1);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }
}
