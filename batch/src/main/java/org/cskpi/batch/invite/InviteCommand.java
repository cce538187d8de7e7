package org.cskpi.batch.invite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cskpi.batch.BatchRun;
import org.cskpi.cli.CommonOptions;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.invitation.Invitations;
import org.cskpi.store.RunLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./cskpi invite}: one survey invitation per resolved ticket, links to a CSV. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = {"Create NPS survey invitations for resolved tickets.", "Writes their links to a CSV."})
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
        try (BatchRun run = BatchRun.open(config, "invite")) {
            RunLog runs = run.runLog();
            var tickets = new WarehouseTables(run.spark(), Warehouse.at(run.spark(), config.warehouse(), runs.versions()))
                    .ingestedTickets();
            Invitations invitations = new Invitations(run.store().dsl(), run.clock(), config.survey());
            String summary = runs.track("invite", runId -> {
                InvitationRun.Counts counts = new InvitationRun(invitations).run(tickets, since, out);
                String text = summary(counts, config.survey().fatigueDays());
                runs.succeeded(runId, new RunLog.Counts(counts.tickets(), counts.issued(), null), text);
                return text;
            });
            System.out.println(summary + "; links in " + out);
        }
        return 0;
    }

    private static String summary(InvitationRun.Counts counts, int fatigueDays) {
        return String.format("%d resolved tickets: %d invited, %d already invited, "
                + "%d skipped (customer invited in the last %d days)", counts.tickets(), counts.issued(),
                counts.alreadyInvited(), counts.recentlyInvited(), fatigueDays);
    }
}
