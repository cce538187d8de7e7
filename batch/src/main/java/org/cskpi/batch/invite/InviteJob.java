package org.cskpi.batch.invite;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.cskpi.batch.BatchRun;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.invitation.Invitations;
import org.cskpi.store.RunLog;

/**
 * One invitation run, as {@code invite} and the weekly job do it: invitations for the resolved
 * tickets (resolved since {@code since}, if given), their links written to {@code csv} or, without
 * one, e-mailed (docs/mail.md#sending-invitations). A row in {@code runs} of kind {@code invite}.
 */
public final class InviteJob {

    private InviteJob() {
    }

    /** Runs it and returns its summary line. */
    public static String run(BatchRun run, CskpiConfig config, Optional<Instant> since, Optional<Path> csv) {
        RunLog runs = run.runLog();
        var tickets = new WarehouseTables(run.spark(), Warehouse.at(run.spark(), config.warehouse(), runs.versions()))
                .ingestedTickets();
        Invitations invitations = new Invitations(run.store().dsl(), run.clock(), config.survey());
        return runs.track("invite", runId -> {
            String text;
            InvitationRun.Counts counts;
            if (csv.isEmpty()) {
                InvitationMailing.Result result = InvitationMailing.standard(config, run).run(invitations, tickets, since);
                counts = result.invited();
                text = summary(counts, config.survey().fatigueDays()) + ", " + InvitationMailing.summary(result);
            } else {
                counts = new InvitationRun(invitations).run(tickets, since, csv.get());
                text = summary(counts, config.survey().fatigueDays());
            }
            runs.succeeded(runId, new RunLog.Counts(counts.tickets(), counts.issued(), null), text);
            return text;
        });
    }

    /** The invitation counts in one line. */
    static String summary(InvitationRun.Counts counts, int fatigueDays) {
        return String.format("%d resolved tickets: %d invited, %d already invited, "
                + "%d skipped (customer invited in the last %d days), %d skipped (unsubscribed)", counts.tickets(),
                counts.issued(), counts.alreadyInvited(), counts.recentlyInvited(), fatigueDays, counts.unsubscribed());
    }
}
