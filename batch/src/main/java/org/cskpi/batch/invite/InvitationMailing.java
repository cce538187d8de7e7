package org.cskpi.batch.invite;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.batch.BatchRun;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.MailSettings;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.SurveyContacts;
import org.cskpi.invitation.SurveySends;
import org.cskpi.mail.Mailer;
import org.cskpi.mail.RetryPolicy;
import org.cskpi.mail.SendPacer;
import org.cskpi.mail.survey.SurveyInvitationMail;

/**
 * {@code invite --send} (docs/mail.md#sending-invitations): deletes addresses past the
 * retention, issues the new invitations each with its e-mail stored pending, then sends every
 * pending e-mail (this run's and any an earlier run left) over one mailer.
 */
public final class InvitationMailing {

    /** The invitations issued and the e-mails sent. */
    public record Result(InvitationRun.Counts invited, InvitationSender.Counts mailed, long contactsDeleted) {
    }

    private final SurveyContacts contacts;
    private final InvitationMails mails;
    private final InvitationSender sender;
    private final MailSettings settings;

    public InvitationMailing(SurveyContacts contacts, InvitationMails mails, InvitationSender sender,
                             MailSettings settings) {
        this.contacts = contacts;
        this.mails = mails;
        this.sender = sender;
        this.settings = settings;
    }

    /** {@code --send} needs the survey's sending on (so ingest keeps addresses), a mail section, and no CSV. */
    static void check(CskpiConfig config, Path out) {
        if (out != null) {
            throw new UserError("--out: invite --send e-mails the links and writes no CSV; give one or the other");
        }
        if (!config.survey().send()) {
            throw new UserError("invite --send: survey.send is not true in the config, so ingest keeps no addresses "
                    + "to send to; set survey.send: true and a mail section (docs/mail.md#settings), then ingest again");
        }
        if (config.mail().isEmpty()) {
            throw new UserError("invite --send: the config has no mail section to send with (docs/mail.md#settings)");
        }
    }

    /** The mailing of the config: its mail settings, its send rate, and three tries 10 s and 20 s apart. */
    static InvitationMailing standard(CskpiConfig config, BatchRun run) {
        MailSettings settings = config.mail().orElseThrow();
        SurveySends sends = new SurveySends(run.store().dsl(), run.clock());
        return new InvitationMailing(
                new SurveyContacts(run.store().dsl(), run.clock(), config.survey().contactRetentionDays()),
                new InvitationMails(new SurveyInvitationMail(config.survey().brand(), settings.from()), sends),
                new InvitationSender(sends, SendPacer.perMinute(config.survey().sendRatePerMinute()), RetryPolicy.standard()),
                settings);
    }

    public Result run(Invitations invitations, Dataset<Row> tickets, Optional<Instant> since) {
        long deleted = contacts.deleteExpired();
        InvitationRun.Counts invited = new InvitationRun(invitations).queue(tickets, since, mails);
        try (Mailer mailer = Mailer.of(settings)) {
            return new Result(invited, sender.sendPending(mailer), deleted);
        }
    }

    /** The e-mail half of the summary line. */
    static String summary(Result result) {
        InvitationSender.Counts mailed = result.mailed();
        return String.format("%d skipped (no address); e-mails: %d sent, %d failed, %d left pending",
                result.invited().noAddress(), mailed.sent(), mailed.failed(), mailed.leftPending());
    }
}
