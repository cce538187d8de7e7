package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.ingest.canonical.Staged.text;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.source.RawRecords;

/**
 * Zendesk ticket records to staged rows (the {@code Staged} contract): ids and values mapped as
 * docs/architecture.md#help-desk-formats-read-by-name says, times and counts taken from the
 * best source the export has:
 * <ul>
 *   <li>first_response_at: the first public agent comment (events, audits, comments), else the
 *       first reply_time fulfil of the metric events, else created_at + metrics'
 *       reply_time_in_minutes.calendar (minute precision);</li>
 *   <li>resolved_at (first resolution): the first change to solved in events/audits, else the
 *       first resolution_time fulfil, else created_at + first_resolution_time_in_minutes.calendar,
 *       else metrics' solved_at;</li>
 *   <li>final_resolved_at: metrics' solved_at (Zendesk's last time solved), else the last change
 *       to solved, else the last resolution_time fulfil;</li>
 *   <li>reopens / agent_replies: metrics' reopens / replies, else counted from status changes /
 *       public agent comments when the export has them for the ticket, else null.</li>
 * </ul>
 * Derived times are written as ISO-8601 with offset; created_at and updated_at pass through as
 * Zendesk wrote them, so validation sees (and can report) the original text.
 */
final class ZendeskStaging {

    private final ZendeskCategory category;

    ZendeskStaging(ZendeskCategory category) {
        this.category = category;
    }

    /** One row per ticket id: requester_id and ticket_created_ts of its newest record. */
    static Dataset<Row> ticketBase(Dataset<Row> tickets) {
        Column newest = struct(try_to_timestamp(col("r.updated_at")), col(RawRecords.FILE), col(RawRecords.LINE));
        return tickets.filter(col("r.id").isNotNull())
                .groupBy(col("r.id").as(ZendeskChildren.TICKET_ID))
                .agg(max_by(struct(col("r.requester_id").as("requester_id"),
                        try_to_timestamp(col("r.created_at")).as("ticket_created_ts")), newest).as("b"))
                .select(col(ZendeskChildren.TICKET_ID), col("b.requester_id"), col("b.ticket_created_ts"));
    }

    /** The base joined with each per-ticket fact table (left joins on ticket_id). */
    static Dataset<Row> facts(Dataset<Row> base, List<Dataset<Row>> tables) {
        Dataset<Row> facts = base.select(col(ZendeskChildren.TICKET_ID));
        for (Dataset<Row> table : tables) {
            facts = facts.join(table, new String[] {ZendeskChildren.TICKET_ID}, "left");
        }
        return facts;
    }

    Dataset<Row> staged(Dataset<Row> tickets, Dataset<Row> users, Dataset<Row> groups, Dataset<Row> facts) {
        Dataset<Row> joined = tickets
                .join(broadcast(users), col("r.requester_id").equalTo(col("user_id")), "left")
                .join(broadcast(groups), col("r.group_id").equalTo(col("group_key")), "left")
                .join(facts, col("r.id").equalTo(col(ZendeskChildren.TICKET_ID)), "left");
        Column created = try_to_timestamp(col("r.created_at"));
        Column solvedAt = try_to_timestamp(col("m.solved_at"));
        Column firstResponse = coalesce(col("agent_first_reply_ts"), col("metric_first_reply_ts"),
                plusMinutes(created, col("m.reply_time_in_minutes.calendar")));
        Column resolved = coalesce(col("first_solved_ts"), col("metric_first_solved_ts"),
                plusMinutes(created, col("m.first_resolution_time_in_minutes.calendar")), solvedAt);
        // Zendesk keeps solved_at after a reopen; a ticket open again is not fully resolved, so
        // full resolution (final_resolved_at) counts only for tickets solved or closed now.
        Column isSolvedNow = lower(col("r.status")).isin("solved", "closed");
        Column finalResolved = when(isSolvedNow,
                coalesce(solvedAt, col("last_solved_ts"), col("metric_last_solved_ts")));
        Column reopens = coalesce(text(col("m.reopens")),
                when(col("status_change_count").gt(0), col("status_reopens").cast("string")));
        Column replies = coalesce(text(col("m.replies")),
                when(col("comment_count").gt(0), col("agent_reply_count").cast("string")));

        List<Column> out = new ArrayList<>();
        out.add(lit(ZendeskReader.SOURCE).as(Tickets.SOURCE));
        out.add(text(col("r.id")).as(Tickets.TICKET_ID));
        out.add(text(col("r.requester_id")).as(Tickets.CUSTOMER_ID));
        // The requester's address, for survey e-mails only (docs/mail.md#contacts); the id stays the customer.
        out.add(text(col("user_email")).as(Staged.CUSTOMER_EMAIL));
        out.add(ZendeskValues.channel(text(col("r.via.channel"))).as(Tickets.CHANNEL));
        out.add(text(category.of(col("r.custom_fields"), col("r.fields"))).as(Tickets.CATEGORY));
        out.add(text(col("r.priority")).as(Tickets.PRIORITY));
        out.add(text(col("r.assignee_id")).as(Tickets.AGENT_ID));
        out.add(text(coalesce(col("group_name"), col("r.group_id"))).as(Tickets.TEAM));
        out.add(ZendeskValues.status(text(col("r.status"))).as(Tickets.STATUS));
        out.add(text(col("r.created_at")).as(Tickets.CREATED_AT));
        out.add(Staged.isoText(firstResponse).as(Tickets.FIRST_RESPONSE_AT));
        out.add(Staged.isoText(resolved).as(Tickets.RESOLVED_AT));
        out.add(Staged.isoText(finalResolved).as(Tickets.FINAL_RESOLVED_AT));
        out.add(reopens.as(Tickets.REOPENS));
        out.add(replies.as(Tickets.AGENT_REPLIES));
        out.add(text(col("r.updated_at")).as(Tickets.UPDATED_AT));
        out.add(text(col("user_locale")).as(Tickets.LOCALE));
        out.add(text(col("r.via.channel")).as(Tickets.RAW_CHANNEL));
        out.add(text(col("r.status")).as(Tickets.RAW_STATUS));
        out.addAll(RawRecords.origin());
        return joined.select(out.toArray(Column[]::new));
    }

    /** {@code ts} plus a whole number of minutes given as text; null when either is missing. */
    static Column plusMinutes(Column ts, Column minutes) {
        return timestamp_seconds(unix_seconds(ts).plus(minutes.try_cast("bigint").multiply(60)));
    }
}
