package org.cskpi.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * {@code csv/tickets.csv} in cskpi's canonical CSV (the ingest issue; header =
 * {@code Tickets.CSV_COLUMNS}) and {@code csv/survey_responses.csv}. Timestamps are ISO-8601
 * UTC with {@code Z}; an empty cell is null. customer_id and agent_id are the help desk's
 * user ids (Zendesk requester and assignee), team is the group name; customer_email and locale
 * are the requester's, as the survey e-mails need them (docs/mail.md#contacts).
 */
final class CanonicalCsvWriter implements ExportWriter {

    static final String TICKETS_HEADER = "ticket_id,customer_id,customer_email,channel,category,priority,agent_id,team,"
            + "status,created_at,first_response_at,resolved_at,final_resolved_at,reopens,agent_replies,updated_at,locale";
    static final String RESPONSES_HEADER = "ticket_id,customer_id,score,comment,answered_at,locale";

    private final Writer ticketsOut;
    private final Writer responsesOut;
    private final Csv tickets;
    private final Csv responses;

    CanonicalCsvWriter(Path dir) throws IOException {
        ticketsOut = ExportWriter.open(dir.resolve("tickets.csv"));
        responsesOut = ExportWriter.open(dir.resolve("survey_responses.csv"));
        tickets = new Csv(ticketsOut);
        responses = new Csv(responsesOut);
        ticketsOut.write(TICKETS_HEADER + "\n");
        responsesOut.write(RESPONSES_HEADER + "\n");
    }

    @Override
    public void write(SimTicket t, SurveyAnswer answer) throws IOException {
        SimTicket.Facts f = t.facts();
        tickets.record(t.id(), t.customer().id(), t.customer().email(), t.channel().canonical, t.canonicalCategory(), t.priority(),
                t.agent() == null ? null : t.agent().id(), t.team() == null ? null : t.team().name(),
                t.canonicalStatus(), iso(f.createdAt()), iso(f.firstResponseAt()), iso(f.resolvedAt()),
                iso(f.finalResolvedAt()), f.reopens(), f.agentReplies(), iso(f.updatedAt()), t.customer().locale());
        if (answer != null) {
            writeAnswer(answer);
        }
    }

    @Override
    public void writeAnswer(SurveyAnswer answer) throws IOException {
        responses.record(answer.ticketId(), answer.customerId(), answer.score(), answer.comment(),
                iso(answer.answeredAt()), answer.locale());
    }

    private static String iso(long epochSecond) {
        return epochSecond == SimTicket.NONE ? null : Times.isoUtc(epochSecond);
    }

    @Override
    public void close() throws IOException {
        try (Writer a = ticketsOut; Writer b = responsesOut) {
            a.flush();
            b.flush();
        }
    }
}
