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

/** {@code ./cskpi invite}: one survey invitation per resolved ticket, links to a CSV or e-mailed ({@code --send}). */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = {"Create NPS survey invitations for resolved tickets.",
            "Writes their links to a CSV, or with --send e-mails them (docs/mail.md#sending-invitations)."})
public final class InviteCommand implements Callable<Integer> {

    static final Path DEFAULT_OUT = Path.of("invitations.csv");

    @Mixin
    CommonOptions common;

    @Option(names = "--resolved-since", paramLabel = "DATE",
            description = "Only tickets resolved on or after this date (yyyy-MM-dd, business time zone).")
    LocalDate resolvedSince;

    @Option(names = "--out", paramLabel = "FILE",
            description = "CSV to write; must not exist yet (default: invitations.csv). Not with --send.")
    Path out;

    @Option(names = "--send", description = "E-mail each new invitation, and any left pending by an earlier run, "
            + "instead of writing a CSV (needs survey.send: true and a mail section).")
    boolean send;

    @Override
    public Integer call() {
        CskpiConfig config = common.config();
        Path csv = out == null ? DEFAULT_OUT : out;
        if (send) {
            InvitationMailing.check(config, out);
        } else if (Files.exists(csv)) {
            throw new UserError(csv + ": already exists; its links would be lost, so choose another --out or move it away");
        }
        Optional<Instant> since = Optional.ofNullable(resolvedSince)
                .map(date -> date.atStartOfDay(config.business().zone()).toInstant());
        try (BatchRun run = BatchRun.open(config, "invite")) {
            RunLog runs = run.runLog();
            var tickets = new WarehouseTables(run.spark(), Warehouse.at(run.spark(), config.warehouse(), runs.versions()))
                    .ingestedTickets();
            Invitations invitations = new Invitations(run.store().dsl(), run.clock(), config.survey());
            String summary = runs.track("invite", runId -> {
                String text;
                InvitationRun.Counts counts;
                if (send) {
                    InvitationMailing.Result result = InvitationMailing.standard(config, run).run(invitations, tickets, since);
                    counts = result.invited();
                    text = summary(counts, config.survey().fatigueDays()) + ", " + InvitationMailing.summary(result);
                } else {
                    counts = new InvitationRun(invitations).run(tickets, since, csv);
                    text = summary(counts, config.survey().fatigueDays());
                }
                runs.succeeded(runId, new RunLog.Counts(counts.tickets(), counts.issued(), null), text);
                return text;
            });
            System.out.println(send ? summary : summary + "; links in " + csv);
        }
        return 0;
    }

    static String summary(InvitationRun.Counts counts, int fatigueDays) {
        return String.format("%d resolved tickets: %d invited, %d already invited, "
                + "%d skipped (customer invited in the last %d days), %d skipped (unsubscribed)", counts.tickets(),
                counts.issued(), counts.alreadyInvited(), counts.recentlyInvited(), fatigueDays, counts.unsubscribed());
    }
}
