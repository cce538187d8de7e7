package org.cskpi.batch.analyze;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.cskpi.analytics.incremental.AnalyzePlan;
import org.cskpi.analytics.job.AnalyzeJob;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.batch.BatchRun;
import org.cskpi.batch.SparkMasterOption;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cskpi analyze}: compute every KPI of docs/kpis.md and publish it to the KPI store. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Compute every KPI and publish it to the KPI store (Spark).",
            "Every KPI (docs/kpis.md) from the warehouse and the survey answers, written to the warehouse and "
                + "published to the KPI store in one transaction. By default only the weeks that changed since the "
                + "last analyze are recomputed (docs/kpis.md#incremental-runs)."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--from", paramLabel = "WEEK", description = "First ISO week to (re)compute, e.g. 2026-W01 "
            + "(default: the first week with data).")
    String from;

    @Option(names = "--to", paramLabel = "WEEK", description = "Last ISO week to (re)compute, e.g. 2026-W47 "
            + "(default: the last week with data).")
    String to;

    @Option(names = "--full", description = "Recompute every week, not only the weeks that changed since the last "
            + "analyze.")
    boolean full;

    @Mixin
    SparkMasterOption sparkMaster;

    @Override
    public Integer call() {
        AnalyzePlan.Request request = request();
        CskpiConfig config = config();
        try (BatchRun run = BatchRun.open(config, "analyze")) {
            AnalyzeJob.Result result = new AnalyzeJob(run.spark(), config, run.store(), System.err, run.clock())
                    .run(request);
            System.err.println("analyze: " + AnalyzeJob.summary(result) + " (run " + result.runId() + ")");
            return 0;
        }
    }

    private AnalyzePlan.Request request() {
        WeekRange range = range();
        if (full && !range.isAll()) {
            throw new ParameterException(spec.commandLine(), "--full recomputes every week; it cannot be combined "
                    + "with --from/--to");
        }
        if (full) {
            return AnalyzePlan.Request.full();
        }
        return range.isAll() ? AnalyzePlan.Request.incremental() : AnalyzePlan.Request.of(range);
    }

    /** The config file's settings with this command's flags applied. */
    public CskpiConfig config() {
        return sparkMaster.applyTo(common.config());
    }

    private WeekRange range() {
        try {
            return new WeekRange(Optional.ofNullable(from), Optional.ofNullable(to));
        } catch (IllegalArgumentException e) {
            // A malformed week is a bad argument (exit 2), like any other picocli parameter error.
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
