package org.cskpi.batch.weekly;

import java.util.concurrent.Callable;
import org.cskpi.batch.BatchRun;
import org.cskpi.batch.SparkMasterOption;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cskpi run}: the weekly job, every batch step in one JVM and one Spark session. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Do a whole week's work: inbox, KPIs, report, invitations, report e-mail.",
            "Reads the new files of the inbox (run.inbox; a folder per format: zendesk/, freshdesk/, chatwoot/, csv/, "
                + "responses/), analyzes, renders the report, sends new invitations and mails the report, in one JVM. "
                + "A re-run reads no file twice and sends nothing twice."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SparkMasterOption sparkMaster;

    @Override
    public Integer call() {
        CskpiConfig config = sparkMaster.applyTo(common.config());
        long started = System.nanoTime();
        try (BatchRun run = BatchRun.open(config, "run")) {
            new WeeklyJob(run, config, System.out).run();
        }
        System.out.printf("run: done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
