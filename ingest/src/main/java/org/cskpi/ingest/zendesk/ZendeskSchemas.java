package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/**
 * Explicit schemas of the Zendesk API objects cskpi reads, with the API's own field names.
 * Every scalar is read as text (Spark's JSON reader keeps a number's digits, and a nested
 * value as its JSON text), so ids stay exact and odd values reach validation unchanged.
 */
final class ZendeskSchemas {

    /** A ticket (ticket object of the Tickets API and of the incremental export). */
    static final StructType TICKET = new StructType()
            .add("id", StringType)
            .add("requester_id", StringType)
            .add("assignee_id", StringType)
            .add("group_id", StringType)
            .add("priority", StringType)
            .add("status", StringType)
            .add("created_at", StringType)
            .add("updated_at", StringType)
            .add("via", new StructType().add("channel", StringType))
            .add("custom_fields", createArrayType(customField()))
            .add("fields", createArrayType(customField()));

    /** Ticket metrics; durations are {calendar, business} minutes. */
    static final StructType METRIC = new StructType()
            .add("ticket_id", StringType)
            .add("updated_at", StringType)
            .add("solved_at", StringType)
            .add("reopens", StringType)
            .add("replies", StringType)
            .add("reply_time_in_minutes", minutes())
            .add("first_resolution_time_in_minutes", minutes());

    /** Incremental ticket metric events (metric, type: activate/fulfill/…, time). */
    static final StructType METRIC_EVENT = new StructType()
            .add("ticket_id", StringType)
            .add("metric", StringType)
            .add("instance_id", StringType)
            .add("type", StringType)
            .add("time", StringType);

    /**
     * An incremental ticket event (an update) with its child events: field changes carry the
     * field as a key ({@code "status": "solved"}, {@code previous_value}); comments come as
     * {@code event_type: Comment} children with the {@code comment_events} sideload, else only
     * as {@code comment_present}/{@code comment_public} flags.
     */
    static final StructType EVENT = new StructType()
            .add("ticket_id", StringType)
            .add("created_at", StringType)
            .add("timestamp", StringType)
            .add("updater_id", StringType)
            .add("child_events", createArrayType(new StructType()
                    .add("id", StringType)
                    .add("event_type", StringType)
                    .add("type", StringType)
                    .add("author_id", StringType)
                    .add("public", StringType)
                    .add("comment_present", StringType)
                    .add("comment_public", StringType)
                    .add("created_at", StringType)
                    .add("status", StringType)
                    .add("field_name", StringType)
                    .add("value", StringType)
                    .add("previous_value", StringType)));

    /** A ticket audit: one update with its events (Comment, Create, Change …). */
    static final StructType AUDIT = new StructType()
            .add("ticket_id", StringType)
            .add("created_at", StringType)
            .add("author_id", StringType)
            .add("events", createArrayType(new StructType()
                    .add("id", StringType)
                    .add("type", StringType)
                    .add("author_id", StringType)
                    .add("public", StringType)
                    .add("field_name", StringType)
                    .add("value", StringType)
                    .add("previous_value", StringType)));

    /** A ticket comment (List Comments has no ticket_id; cskpi takes it from the file name). */
    static final StructType COMMENT = new StructType()
            .add("id", StringType)
            .add("ticket_id", StringType)
            .add("author_id", StringType)
            .add("public", StringType)
            .add("created_at", StringType);

    static final StructType USER = new StructType()
            .add("id", StringType)
            .add("name", StringType)
            .add("role", StringType)
            .add("locale", StringType)
            .add("email", StringType);

    static final StructType GROUP = new StructType()
            .add("id", StringType)
            .add("name", StringType);

    static final StructType FIELD = new StructType()
            .add("id", StringType)
            .add("type", StringType)
            .add("title", StringType)
            .add("custom_field_options", createArrayType(new StructType()
                    .add("name", StringType)
                    .add("value", StringType)));

    private ZendeskSchemas() {
    }

    private static StructType customField() {
        return new StructType().add("id", StringType).add("value", StringType);
    }

    private static StructType minutes() {
        return new StructType().add("calendar", StringType).add("business", StringType);
    }
}
