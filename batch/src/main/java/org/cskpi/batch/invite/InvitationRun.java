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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.cli.UserError;
import org.cskpi.files.OwnerOnly;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.IssueResult;
import org.cskpi.invitation.TicketRef;

/**
 * Issues invitations for resolved tickets and writes their links to a CSV for an e-mail
 * template. A token exists only in the run that issued it (the store keeps its hash), so each
 * row is written and flushed right after its invitation is committed, and an existing output
 * file is never overwritten.
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
    public record Counts(long tickets, long issued, long alreadyInvited, long recentlyInvited) {
    }

    private final Invitations invitations;

    public InvitationRun(Invitations invitations) {
        this.invitations = invitations;
    }

    public Counts run(Dataset<Row> tickets, Optional<Instant> since, Path out) {
        long seen = 0;
        long issued = 0;
        long already = 0;
        long recent = 0;
        try (OutputStream stream = OwnerOnly.newOutputStream(out, StandardOpenOption.CREATE_NEW); // live survey links
             Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer, new CsvWriterSettings());
            csv.writeHeaders(HEADER);
            Iterator<Row> rows = ResolvedTickets.filterResolvedSince(tickets, since).toLocalIterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                seen++;
                IssueResult result = invitations.issue(ticket(row));
                switch (result.outcome()) {
                    case ISSUED -> {
                        issued++;
                        csv.writeRow(csvRow(result.issued().orElseThrow()));
                        csv.flush();
                    }
                    case ALREADY_INVITED -> already++;
                    case CUSTOMER_RECENTLY_INVITED -> recent++;
                }
            }
            csv.close();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserError(out + ": already exists; its links would be lost, so choose another --out or move it away");
        } catch (IOException e) {
            throw new UserError(out + ": cannot write: " + e.getMessage(), e);
        }
        return new Counts(seen, issued, already, recent);
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
