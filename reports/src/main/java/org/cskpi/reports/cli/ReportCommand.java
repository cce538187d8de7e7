package org.cskpi.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cskpi.cli.CommonOptions;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.files.OwnerOnly;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.ReportFile;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.KpiStore;
import org.cskpi.reports.export.CsvExport;
import org.cskpi.reports.export.JsonExport;
import org.cskpi.store.Store;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cskpi report}: renders the weekly report from the KPI store as one HTML (or JSON) file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the weekly KPI report.",
            "One self-contained HTML file (or JSON), optionally CSV per chart; --send e-mails it."})
public final class ReportCommand implements Callable<Integer> {

    enum Format { html, json }

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--week", paramLabel = "YYYY-Www",
            description = "ISO week to report (default: the last complete week with data).")
    String week;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: <data-dir>/reports/<week>.<format>).")
    Path out;

    @Option(names = "--csv-dir", paramLabel = "DIR", description = "Also write each chart's data as CSV into DIR.")
    Path csvDir;

    @Option(names = "--format", defaultValue = "html", description = "html or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--channel", description = "Headline figures and trends for one channel.")
    String channel;

    @Option(names = "--team", description = "Headline figures and trends for one team.")
    String team;

    @Mixin
    SendOptions mailing;

    @Override
    public Integer call() throws IOException {
        CskpiConfig config = common.config();
        Filters filters;
        try {
            filters = new Filters(Optional.ofNullable(channel), Optional.ofNullable(team));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Optional<SendOptions.Plan> sending = mailing.plan(spec.commandLine(), config, format == Format.html);
        try (Store store = Store.open(existingOnly(config.storeUrl()), config.storePassword())) {
            IsoWeek chosen = chooseWeek(new KpiStore(store.dsl()));
            WeeklyReport report;
            try {
                report = ReportBuilder.build(store.dsl(), config, chosen, filters);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            Path file = write(report, chosen);
            if (sending.isPresent()) {
                SendOptions.send(sending.get(), report, file, spec.commandLine().getOut());
            }
        } catch (DataAccessException e) {
            throw new UserError("cannot read the KPI store at " + config.storeUrl() + " ("
                    + e.getMessage().lines().findFirst().orElse("") + "); run ./cskpi analyze first");
        }
        return 0;
    }

    private Path write(WeeklyReport report, IsoWeek chosen) throws IOException {
        Path file = out != null ? out : ReportFile.defaultPath(common.dataDir(), chosen, format.name());
        if (format == Format.json) {
            OwnerOnly.writeString(file, JsonExport.toJson(report));
        } else {
            ReportFile.writeHtml(file, report);
        }
        spec.commandLine().getOut().println("Wrote the " + chosen + " report to " + file);
        if (csvDir != null) {
            int files = CsvExport.write(report, csvDir).size();
            spec.commandLine().getOut().println("Wrote " + files + " CSV files to " + csvDir);
        }
        return file;
    }

    /** A report only reads: opening a file store that does not exist must not create an empty one. */
    static String existingOnly(String url) {
        boolean file = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        return file && !url.toUpperCase(java.util.Locale.ROOT).contains(";IFEXISTS=") ? url + ";IFEXISTS=TRUE" : url;
    }

    private IsoWeek chooseWeek(KpiStore store) {
        if (week != null) {
            try {
                return IsoWeek.parse(week);
            } catch (IllegalArgumentException e) {
                throw new UserError("--week: " + e.getMessage());
            }
        }
        return store.latestCompleteWeek().orElseThrow(() -> new UserError(
                "the KPI store has no weekly figures yet; run ./cskpi analyze first"));
    }
}
