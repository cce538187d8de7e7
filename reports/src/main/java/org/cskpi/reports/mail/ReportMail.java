package org.cskpi.reports.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.cskpi.config.IsoWeek;
import org.cskpi.mail.Alternatives;
import org.cskpi.mail.OutgoingMessage;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.EmailReport;
import org.cskpi.reports.narrative.Narrative;

/**
 * The weekly report as an e-mail (docs/reports.md#the-report-by-e-mail): {@code multipart/mixed}
 * holding a {@code multipart/alternative} (plain text, then HTML with the headline tiles, the
 * "what changed" sentences and a link to the web report) and the offline HTML report file as
 * an attachment, byte for byte.
 */
public final class ReportMail {

    /** How many of the week's changes the subject names. */
    static final int SUBJECT_CHANGES = 2;
    private final String from;
    private final String baseUrl;

    /** {@code from} as in {@code mail.from}; {@code baseUrl} as {@code survey.base_url}, where the web app is. */
    public ReportMail(String from, String baseUrl) {
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /**
     * The message to {@code to} (one message, every address in To), with {@code reportFile}, the
     * file {@code cskpi report} wrote for {@code report}, attached. An address that is not one is
     * an {@link IllegalArgumentException}; a file that cannot be read, an {@link IOException}.
     */
    public MimeMessage compose(WeeklyReport report, Path reportFile, List<String> to) throws IOException {
        String subject = subject(report);
        EmailReport.Links links = new EmailReport.Links(baseUrl + webPath(report.week(), report.filters()),
                reportFile.getFileName().toString());
        try {
            MimeMessage message = new OutgoingMessage(from);
            message.setRecipients(Message.RecipientType.TO, addresses(to));
            message.setSubject(subject, "UTF-8");
            message.setHeader("Content-Language", "en");
            // RFC 3834: an automatic message; no out-of-office replies to it.
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(Alternatives.of(EmailReport.text(report, links), EmailReport.html(report, subject, links)));
            message.setContent(new MimeMultipart("mixed", body, attachment(reportFile)));
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("composing the report e-mail", e);
        }
    }

    /**
     * "Customer service, week 2026-W47: Chat FRT median up 40%, NPS down 10 points": the two
     * largest changes the report's sentences are chosen from (docs/kpis.md#reading-the-figures-in-reports),
     * told even below the sentences' 10% so that a quiet week's subject still says something.
     */
    public static String subject(WeeklyReport report) {
        Filters filters = report.filters();
        String scope = filters.isNone() ? "" : " (" + filters.channel().orElseGet(() -> "team " + filters.team().orElseThrow()) + ")";
        String start = "Customer service" + scope + ", week " + report.week() + ": ";
        if (report.incomplete()) {
            return start + "incomplete week, not compared with " + report.week().previous();
        }
        if (report.changes().isEmpty()) {
            return start + "nothing to compare with " + report.week().previous();
        }
        return start + report.changes().stream().limit(SUBJECT_CHANGES).map(Narrative.Change::brief)
                .collect(Collectors.joining(", "));
    }

    /** The web app's page of the report: {@code /reports/2026-W47}, with the filter as its query. */
    static String webPath(IsoWeek week, Filters filters) {
        String query = filters.channel().map(c -> "?channel=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                .or(() -> filters.team().map(t -> "?team=" + URLEncoder.encode(t, StandardCharsets.UTF_8)))
                .orElse("");
        return "/reports/" + week + query;
    }

    /** The recipients as addresses; none, or one that is not an address, is an {@link IllegalArgumentException}. */
    public static InternetAddress[] addresses(List<String> to) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("the report e-mail needs at least one recipient");
        }
        InternetAddress[] addresses = new InternetAddress[to.size()];
        for (int i = 0; i < to.size(); i++) {
            try {
                addresses[i] = new InternetAddress(to.get(i).trim(), true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("not an e-mail address: " + to.get(i), e);
            }
        }
        return addresses;
    }

    /**
     * The report file as it is on disk. Base64, not quoted-printable: quoted-printable text
     * turns line ends into CRLF on the way, so the attachment would no longer be the same file.
     */
    private static MimeBodyPart attachment(Path file) throws IOException, MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(Files.readAllBytes(file), "text/html; charset=UTF-8")));
        part.setFileName(file.getFileName().toString());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }
}
