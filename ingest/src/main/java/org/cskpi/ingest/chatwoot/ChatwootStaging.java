package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
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
 * Chatwoot conversation records to staged rows. ticket_id is the conversation's display id;
 * customer = meta.sender (the contact), agent = meta.assignee, team = meta.team's name,
 * category = the first label, locale = the widget's browser_language.
 * first_response_at = {@code first_reply_created_at} (Chatwoot's own first agent reply), else
 * the first public agent message. resolved_at / final_resolved_at = the first / last "resolved"
 * activity message; a resolved conversation without them uses last_activity_at (resolving is
 * its last activity) for both. reopens stay null (the API does not carry them);
 * agent_replies only when the conversation's messages pages were exported.
 */
final class ChatwootStaging {

    private ChatwootStaging() {
    }

    static Dataset<Row> staged(Dataset<Row> conversations, Dataset<Row> facts) {
        Dataset<Row> joined = conversations.join(facts, col("r.id").equalTo(facts.col("ticket_id")), "left");
        Column lastActivity = ChatwootValues.time(coalesce(col("r.last_activity_at"), col("r.timestamp")));
        Column resolvedNow = when(lower(trim(col("r.status"))).equalTo("resolved"), lastActivity);
        Column firstResponse = coalesce(ChatwootValues.time(col("r.first_reply_created_at")), col("agent_first_reply_ts"));

        List<Column> out = new ArrayList<>();
        out.add(lit(ChatwootReader.SOURCE).as(Tickets.SOURCE));
        out.add(text(col("r.id")).as(Tickets.TICKET_ID));
        out.add(text(col("r.meta.sender.id")).as(Tickets.CUSTOMER_ID));
        // The contact's address, for survey e-mails only (docs/mail.md#contacts); the id stays the customer.
        out.add(text(col("r.meta.sender.email")).as(Staged.CUSTOMER_EMAIL));
        out.add(ChatwootValues.channel(text(col("r.meta.channel"))).as(Tickets.CHANNEL));
        out.add(text(try_element_at(col("r.labels"), lit(1))).as(Tickets.CATEGORY));
        out.add(text(col("r.priority")).as(Tickets.PRIORITY));
        out.add(text(col("r.meta.assignee.id")).as(Tickets.AGENT_ID));
        out.add(text(col("r.meta.team.name")).as(Tickets.TEAM));
        out.add(ChatwootValues.status(text(col("r.status"))).as(Tickets.STATUS));
        out.add(timeText(col("r.created_at")).as(Tickets.CREATED_AT));
        out.add(Staged.isoText(firstResponse).as(Tickets.FIRST_RESPONSE_AT));
        out.add(Staged.isoText(coalesce(col("first_resolved_ts"), resolvedNow)).as(Tickets.RESOLVED_AT));
        out.add(Staged.isoText(coalesce(col("last_resolved_ts"), resolvedNow)).as(Tickets.FINAL_RESOLVED_AT));
        out.add(lit(null).cast("string").as(Tickets.REOPENS));
        out.add(when(col("has_page_messages"), col("agent_reply_count").cast("string")).as(Tickets.AGENT_REPLIES));
        out.add(timeText(coalesce(col("r.updated_at"), col("r.last_activity_at"), col("r.timestamp"))).as(Tickets.UPDATED_AT));
        out.add(text(col("r.additional_attributes.browser_language")).as(Tickets.LOCALE));
        out.add(text(col("r.meta.channel")).as(Tickets.RAW_CHANNEL));
        out.add(text(col("r.status")).as(Tickets.RAW_STATUS));
        out.addAll(RawRecords.origin());
        return joined.select(out.toArray(Column[]::new));
    }

    /** An API time as ISO-8601; text that is not a time passes on unchanged for validation to report. */
    static Column timeText(Column raw) {
        Column ts = ChatwootValues.time(raw);
        return when(ts.isNotNull(), Staged.isoText(ts)).otherwise(text(raw));
    }
}
