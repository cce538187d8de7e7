package org.cskpi.reports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.mail.MailFailure;
import org.cskpi.mail.SendResult;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.mail.ReportMail;
import org.cskpi.reports.mail.ReportSender;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code report --send [--to a@x,b@y]}: e-mails the report it wrote (docs/reports.md#the-report-by-e-mail).
 * Everything sending needs is checked before the report is built, so a missing setting costs
 * no work: no {@code mail} section, no recipients or a bad address is a bad argument (exit 2).
 */
public final class SendOptions {

    @Option(names = "--send", description = "E-mail the report, with the HTML file attached, through the mail settings.")
    boolean send;

    @Option(names = "--to", split = ",", paramLabel = "ADDRESS",
            description = "Recipients, comma-separated (default: report.recipients); needs --send.")
    List<String> to;

    /** Who gets the report and how, when {@code --send} is given. */
    record Plan(ReportSender sender, List<String> recipients) {
    }

    /** The plan, or empty without {@code --send}; {@code html}: the report is written as HTML. */
    Optional<Plan> plan(CommandLine cli, CskpiConfig config, boolean html) {
        if (!send) {
            if (to != null) {
                throw new ParameterException(cli, "--to needs --send");
            }
            return Optional.empty();
        }
        if (!html) {
            throw new ParameterException(cli, "--send attaches the HTML report: leave out --format json");
        }
        ReportSender sender = ReportSender.of(config).orElseThrow(() -> new ParameterException(cli,
                "--send: no mail settings; add a mail section (mail.from and mail.smtp or mail.outbox_dir) to "
                        + "cskpi.yaml, see docs/mail.md#settings"));
        List<String> recipients = to != null ? to.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()
                : config.report().recipients();
        if (recipients.isEmpty()) {
            throw new ParameterException(cli, "--send: no recipients; give --to a@x,b@y or set report.recipients "
                    + "in cskpi.yaml");
        }
        try {
            ReportMail.addresses(recipients);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "--to: " + e.getMessage());
        }
        return Optional.of(new Plan(sender, recipients));
    }

    /** Sends the written report; a refusal is a failure of the command (exit 1) in one line. */
    static void send(Plan plan, WeeklyReport report, Path file, PrintWriter out) throws IOException {
        SendResult result = plan.sender().send(report, file, plan.recipients());
        if (result instanceof MailFailure failure) {
            throw new UserError("the " + report.week() + " report was written to " + file + " but not e-mailed: "
                    + failure.message());
        }
        SendResult.Sent sent = (SendResult.Sent) result;
        String to = String.join(", ", plan.recipients());
        out.println(plan.sender().outboxFile(sent)
                .map(eml -> "Wrote the " + report.week() + " report e-mail to " + to + " as " + eml)
                .orElse("E-mailed the " + report.week() + " report to " + to + " (" + sent.messageId() + ")"));
    }
}
