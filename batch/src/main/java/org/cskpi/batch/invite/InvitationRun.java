package org.cskpi.batch.invite;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.cli.UserError;
import org.cskpi.files.OwnerOnly;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.IssueResult;
import org.cskpi.invitation.TicketRef;

/**
 * Issues invitations for resolved tickets, and either writes their links to a CSV for an
 * e-mail template or stores each one's e-mail to be sent. A token exists only in the run that
 * issued it (the store keeps its hash), so each CSV row is written and flushed right after its
 * invitation is committed, and an existing output file is never overwritten; an e-mail is
 * stored in the very transaction that issues its invitation.
 */
public final class InvitationRun {

    public static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("source", "ticket_id", "customer_id", "locale", "survey_link"));
        for (int score = 0; score <= 10; score++) {
            header.add("score_" + score + "_link");
        }
        HEADER = List.copyOf(header);
    }

    /** How many tickets ended which way. */
    public record Counts(long tickets, long issued, long alreadyInvited, long recentlyInvited, long unsubscribed,
                         long noAddress) {
    }

    private final Invitations invitations;

    public InvitationRun(Invitations invitations) {
        this.invitations = invitations;
    }

    /** Issues the invitations and writes each one's links to the CSV {@code out}, which must not exist. */
    public Counts run(Dataset<Row> tickets, Optional<Instant> since, Path out) {
        try (OutputStream stream = OwnerOnly.newOutputStream(out, StandardOpenOption.CREATE_NEW); // live survey links
             Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer, new CsvWriterSettings());
            csv.writeHeaders(HEADER);
            Counts counts = issue(tickets, since, Invitations.Companion.NONE, 1, issued -> {
                csv.writeRow(csvRow(issued));
                csv.flush();
            });
            csv.close();
            return counts;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserError(out + ": already exists; its links would be lost, so choose another --out or move it away");
        } catch (IOException e) {
            throw new UserError(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Issues the invitations, each with its e-mail stored pending by {@code mails} in the same
     * transaction (docs/mail.md#sending-invitations); sending them is {@link InvitationSender}'s part.
     */
    public Counts queue(Dataset<Row> tickets, Optional<Instant> since, InvitationMails mails) {
        return issue(tickets, since, mails, MAILS_PER_TRANSACTION, issued -> {
        });
    }

    /**
     * Invitations issued with their e-mails in one transaction: each commit writes the store's
     * file, and one per invitation was most of the time an invitation took. Nothing leaves the
     * process before the commit, so a run killed mid-transaction loses no token.
     */
    static final int MAILS_PER_TRANSACTION = 200;

    /** Issues {@code perTransaction} tickets' invitations to a transaction; {@code onIssued} runs after each commit. */
    private Counts issue(Dataset<Row> tickets, Optional<Instant> since, Invitations.Companion companion,
                         int perTransaction, Consumer<IssueResult.Issued> onIssued) {
        Map<IssueResult.Outcome, Long> outcomes = new EnumMap<>(IssueResult.Outcome.class);
        long seen = 0;
        List<TicketRef> batch = new ArrayList<>(perTransaction);
        Iterator<Row> rows = ResolvedTickets.filterResolvedSince(tickets, since).toLocalIterator();
        while (rows.hasNext()) {
            batch.add(ticket(rows.next()));
            seen++;
            if (batch.size() == perTransaction || !rows.hasNext()) {
                for (IssueResult result : invitations.issueAll(batch, companion)) {
                    outcomes.merge(result.outcome(), 1L, Long::sum);
                    result.issued().ifPresent(onIssued);
                }
                batch.clear();
            }
        }
        return new Counts(seen, count(outcomes, IssueResult.Outcome.ISSUED),
                count(outcomes, IssueResult.Outcome.ALREADY_INVITED),
                count(outcomes, IssueResult.Outcome.CUSTOMER_RECENTLY_INVITED),
                count(outcomes, IssueResult.Outcome.UNSUBSCRIBED), count(outcomes, IssueResult.Outcome.NO_ADDRESS));
    }

    private static long count(Map<IssueResult.Outcome, Long> outcomes, IssueResult.Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    private static TicketRef ticket(Row row) {
        return new TicketRef(row.getAs(Tickets.SOURCE), row.getAs(Tickets.TICKET_ID),
                row.getAs(Tickets.CUSTOMER_ID), row.getAs(Tickets.LOCALE));
    }

    private static List<String> csvRow(IssueResult.Issued issued) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(issued.invitation().source());
        row.add(issued.invitation().ticketId());
        row.add(issued.invitation().customerId());
        row.add(issued.invitation().locale());
        row.add(issued.links().survey());
        row.addAll(issued.links().oneTap());
        return row;
    }
}
