package org.cskpi.batch.invite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.CommonOptions;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.Sessions;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.invitation.Invitations;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./cskpi invite}: one survey invitation per resolved ticket, links to a CSV. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Create NPS survey invitations for resolved tickets and write their links to a CSV.")
public final class InviteCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--resolved-since", paramLabel = "DATE",
            description = "Only tickets resolved on or after this date (yyyy-MM-dd, business time zone).")
    LocalDate resolvedSince;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "invitations.csv",
            description = "CSV to write; must not exist yet (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        CskpiConfig config = common.config();
        if (Files.exists(out)) {
            throw new UserError(out + ": already exists; its links would be lost, so choose another --out or move it away");
        }
        Optional<Instant> since = Optional.ofNullable(resolvedSince)
                .map(date -> date.atStartOfDay(config.business().zone()).toInstant());
        SparkSession spark = Sessions.create(config, "invite");
        try (Store store = Store.openMigrated(config.storeUrl(), config.storePassword())) {
            RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
            var tickets = Warehouse.at(spark, config.warehouse(), runs.versions()).table("tickets")
                    .orElseThrow(() -> new UserError(config.warehouse() + ": no tickets table; run ./cskpi ingest first"));
            long runId = runs.start("invite");
            try {
                InvitationRun.Counts counts = new InvitationRun(
                        new Invitations(store.dsl(), Clock.systemUTC(), config.survey())).run(tickets, since, out);
                String summary = String.format("%d resolved tickets: %d invited, %d already invited, "
                        + "%d skipped (customer invited in the last %d days)", counts.tickets(), counts.issued(),
                        counts.alreadyInvited(), counts.recentlyInvited(), config.survey().fatigueDays());
                runs.succeeded(runId, new RunLog.Counts(counts.tickets(), counts.issued(), null), summary);
                System.out.println(summary + "; links in " + out);
            } catch (RuntimeException e) {
                runs.failed(runId, RunLog.Counts.NONE, e.getMessage());
                throw e;
            }
        }
        return 0;
    }
}
