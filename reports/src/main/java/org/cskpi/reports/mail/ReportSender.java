package org.cskpi.reports.mail;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.MailSettings;
import org.cskpi.mail.Mailer;
import org.cskpi.mail.OutboxMailer;
import org.cskpi.mail.RetryPolicy;
import org.cskpi.mail.SendResult;
import org.cskpi.reports.WeeklyReport;

/**
 * E-mails a rendered weekly report through the configured delivery (docs/reports.md#the-report-by-e-mail):
 * one message to every recipient, sent again after a transient failure ({@link RetryPolicy}).
 * For {@code cskpi report --send} and the weekly run, after the report file is written.
 */
public final class ReportSender {

    private final MailSettings settings;
    private final ReportMail mail;
    private final RetryPolicy retry;

    public ReportSender(MailSettings settings, String baseUrl, RetryPolicy retry) {
        this.settings = settings;
        this.mail = new ReportMail(settings.from(), baseUrl);
        this.retry = retry;
    }

    /** With the config's {@code mail} settings and {@code survey.base_url}; empty without a {@code mail} section. */
    public static Optional<ReportSender> of(CskpiConfig config) {
        return config.mail().map(settings -> new ReportSender(settings, config.survey().baseUrl(), RetryPolicy.standard()));
    }

    /**
     * Composes and sends the message of {@code report} with {@code reportFile} attached; the
     * server's refusal comes back as a {@code MailFailure}, never thrown.
     */
    public SendResult send(WeeklyReport report, Path reportFile, List<String> to) throws IOException {
        MimeMessage message = mail.compose(report, reportFile, to);
        try (Mailer mailer = Mailer.of(settings)) {
            return retry.send(mailer, message);
        }
    }

    /** Where the outbox delivery wrote the message with this Message-ID; empty for SMTP. */
    public Optional<Path> outboxFile(SendResult.Sent sent) {
        return settings.delivery() instanceof MailSettings.Outbox outbox
                ? Optional.of(new OutboxMailer(outbox.dir()).fileFor(sent.messageId()))
                : Optional.empty();
    }
}
