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
            String summary = InviteJob.run(run, config, since, send ? Optional.empty() : Optional.of(csv));
            System.out.println(send ? summary : summary + "; links in " + csv);
        }
        return 0;
    }
}
