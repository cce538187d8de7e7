package org.cskpi.batch.weekly;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cskpi.analytics.incremental.AnalyzePlan;
import org.cskpi.analytics.job.AnalyzeJob;
import org.cskpi.batch.BatchRun;
import org.cskpi.batch.ingest.ExportIngest;
import org.cskpi.batch.ingest.SourceReaders;
import org.cskpi.batch.invite.InviteJob;
import org.cskpi.batch.responses.AnswersImport;
import org.cskpi.batch.weekly.Inbox.InboxFile;
import org.cskpi.batch.weekly.Inbox.Kind;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.ingest.job.IngestSummary;
import org.cskpi.ingest.responses.ResponsesImport;
import org.cskpi.mail.MailFailure;
import org.cskpi.mail.SendResult;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.ReportFile;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.KpiStore;
import org.cskpi.reports.mail.ReportSender;

/**
 * A whole week's work in one JVM and one Spark session (docs/commands.md#run): read the
 * inbox's new exports and answers, analyze, render the report, send the new invitations and
 * mail the report. Each step prints its line and time; a failed step stops the run, and since
 * analyze publishes in one transaction, the KPIs published before stay in place.
 */
public final class WeeklyJob {

    /** One step: a title for the progress line, and the work, which returns its summary. */
    record Step(String title, Supplier<String> work) {
    }

    private final BatchRun run;
    private final CskpiConfig config;
    private final Inbox inbox;
    private final PrintStream out;
    private Optional<RenderedReport> rendered = Optional.empty();

    /** The report step's result, which the report e-mail attaches. */
    private record RenderedReport(IsoWeek week, WeeklyReport report, Path file) {
    }

    public WeeklyJob(BatchRun run, CskpiConfig config, PrintStream out) {
        this.run = run;
        this.config = config;
        this.inbox = new Inbox(config.weekly().inbox(), run.store().dsl());
        this.out = out;
    }

    /** Runs every step in order; a step that throws stops the run with its exception. */
    public void run() {
        inbox.strays().forEach(p -> out.println("run: " + p + ": not in a format folder ("
                + List.of(Kind.values()) + "); left alone"));
        List<InboxFile> files = inbox.newFiles();
        List<Step> steps = List.of(
                new Step("ingest new exports", () -> ingest(files)),
                new Step("import new NPS answers", () -> responses(files)),
                new Step("compute the KPIs", this::analyze),
                new Step("render the weekly report", this::report),
                new Step("send new survey invitations", this::invite),
                new Step("e-mail the report", this::mailReport));
        for (int i = 0; i < steps.size(); i++) {
            runStep(i + 1, steps.size(), steps.get(i));
        }
    }

    private void runStep(int number, int total, Step step) {
        out.printf("[%d/%d] %-30s", number, total, step.title());
        out.flush();
        long started = System.nanoTime();
        try {
            String summary = step.work().get();
            out.printf("%6.1f s   %s%n", seconds(started), summary);
        } catch (RuntimeException e) {
            out.printf("FAILED after %.1f s%n", seconds(started));
            throw e;
        }
    }

    private String ingest(List<InboxFile> files) {
        Map<Kind, List<InboxFile>> byKind = files.stream().filter(f -> f.kind() != Kind.responses)
                .collect(Collectors.groupingBy(InboxFile::kind, () -> new EnumMap<>(Kind.class), Collectors.toList()));
        if (byKind.isEmpty()) {
            return "no new export files in " + inbox.root();
        }
        List<String> lines = new ArrayList<>();
        byKind.forEach((kind, batch) -> {
            IngestSummary summary = new ExportIngest(run, config, System.err).run(
                    SourceReaders.forSource(SourceReaders.Source.valueOf(kind.name()), Optional.empty(), config),
                    batch.stream().map(f -> f.path().toString()).toList());
            inbox.remember(batch, summary.runId(), run.clock().instant());
            IngestSummary.Tickets t = summary.tickets();
            lines.add(kind + ": " + batch.size() + " file(s), rows read " + summary.rowsRead() + " = accepted "
                    + summary.rowsAccepted() + " + quarantined " + summary.rowsQuarantined() + ", tickets new "
                    + t.created() + ", updated " + t.updated());
        });
        return String.join("; ", lines);
    }

    private String responses(List<InboxFile> files) {
        List<InboxFile> answers = files.stream().filter(f -> f.kind() == Kind.responses).toList();
        if (answers.isEmpty()) {
            return "no new answers files in " + inbox.root().resolve(Kind.responses.name());
        }
        AnswersImport job = new AnswersImport(run, config);
        List<String> lines = new ArrayList<>();
        for (InboxFile file : answers) {
            ResponsesImport.Summary s = job.runCanonical(file.path().toString());
            inbox.remember(List.of(file), s.runId(), run.clock().instant());
            lines.add(file.path().getFileName() + ": " + s.line());
        }
        return String.join("; ", lines);
    }

    private String analyze() {
        AnalyzeJob.Result result = new AnalyzeJob(run.spark(), config, run.store(), System.err, run.clock())
                .run(AnalyzePlan.Request.incremental());
        return AnalyzeJob.summary(result) + " (run " + result.runId() + ")";
    }

    private String report() {
        Optional<IsoWeek> week = new KpiStore(run.store().dsl()).latestCompleteWeek();
        if (week.isEmpty()) {
            return "no complete week in the KPI store yet; no report";
        }
        Path file = ReportFile.defaultPath(config.dataDir(), week.get(), "html");
        WeeklyReport report = ReportBuilder.build(run.store().dsl(), config, week.get(), Filters.none());
        try {
            ReportFile.writeHtml(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the report", e);
        }
        rendered = Optional.of(new RenderedReport(week.get(), report, file));
        return "wrote the " + week.get() + " report to " + file;
    }

    /**
     * Invitations for the tickets resolved since a week before the last invitation run (the
     * last 7 days on the first run): a week's run misses none, and none is invited twice.
     */
    private String invite() {
        if (!config.survey().send()) {
            return "not sent: survey.send is off in the config";
        }
        Instant lastRun = run.runLog().lastSucceeded("invite").orElse(run.clock().instant());
        Instant since = lastRun.minus(Duration.ofDays(7));
        return InviteJob.run(run, config, Optional.of(since), Optional.empty());
    }

    private String mailReport() {
        List<String> to = config.report().recipients();
        Optional<ReportSender> sender = ReportSender.of(config);
        if (sender.isEmpty() || to.isEmpty()) {
            return "not sent: " + (sender.isEmpty() ? "no mail section" : "no report.recipients") + " in the config";
        }
        if (rendered.isEmpty()) {
            return "not sent: no report this week";
        }
        RenderedReport r = rendered.get();
        ReportSends sends = new ReportSends(run.store().dsl());
        Optional<String> before = sends.messageId(r.week());
        if (before.isPresent()) {
            return "the " + r.week() + " report was e-mailed before (" + before.get() + "); not again";
        }
        SendResult result;
        try {
            result = sender.get().send(r.report(), r.file(), to);
        } catch (IOException e) {
            throw new UncheckedIOException(r.file() + ": cannot attach the report", e);
        }
        if (result instanceof MailFailure failure) {
            throw new IllegalStateException("the " + r.week() + " report was not e-mailed: " + failure.message());
        }
        SendResult.Sent sent = (SendResult.Sent) result;
        sends.record(r.week(), sent.messageId(), to, run.clock().instant());
        return "e-mailed the " + r.week() + " report to " + to.size() + " recipient(s)"
                + sender.get().outboxFile(sent).map(file -> " as " + file).orElse("");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
