package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.cskpi.ingest.source.RawRecords;

/**
 * The per-ticket children of a Zendesk export, flattened: comments (from ticket events with
 * comment events, audits and comments pages), status changes (ticket events, audits), metric
 * events and ticket metrics. Every dataset keys on {@code ticket_id}; timestamps are parsed
 * (Zendesk writes ISO-8601 UTC, {@code timestamp} fields are epoch seconds).
 */
final class ZendeskChildren {

    /** Comment rows: ticket_id, comment_id, author_id, is_public, created_ts. */
    static final String COMMENT_ID = "comment_id";
    static final String AUTHOR_ID = "author_id";
    static final String IS_PUBLIC = "is_public";
    static final String CREATED_TS = "created_ts";
    static final String TICKET_ID = "ticket_id";

    private final ZendeskRecords records;
    private final Dataset<Row> events;
    private final Dataset<Row> audits;
    private final Dataset<Row> comments;

    ZendeskChildren(ZendeskRecords records) {
        this.records = records;
        this.events = records.parsed(ZendeskFile.EVENTS, ZendeskSchemas.EVENT);
        this.audits = records.parsed(ZendeskFile.AUDITS, ZendeskSchemas.AUDIT)
                .unionByName(records.parsed(ZendeskFile.AUDIT, ZendeskSchemas.AUDIT));
        this.comments = records.parsed(ZendeskFile.COMMENTS, ZendeskSchemas.COMMENT)
                .withColumn(TICKET_ID, coalesce(col("r.ticket_id"), ticketIdFromFileName()));
    }

    /**
     * One row per child record and the ticket it belongs to, by kind, for counting orphans
     * (children whose ticket is not in the export). A comment with no ticket id anywhere has
     * a null ticket_id.
     */
    Dataset<Row> recordTickets() {
        Dataset<Row> metrics = records.parsed(ZendeskFile.METRICS, ZendeskSchemas.METRIC)
                .unionByName(records.parsed(ZendeskFile.METRIC_SETS, ZendeskSchemas.METRIC))
                .unionByName(records.parsed(ZendeskFile.METRIC, ZendeskSchemas.METRIC));
        Dataset<Row> metricEvents = records.parsed(ZendeskFile.METRIC_EVENTS, ZendeskSchemas.METRIC_EVENT);
        return kind(metrics.select(col("r.ticket_id")), "ticket_metrics")
                .unionByName(kind(metricEvents.select(col("r.ticket_id")), "ticket_metric_events"))
                .unionByName(kind(events.select(col("r.ticket_id")), "ticket_events"))
                .unionByName(kind(audits.select(col("r.ticket_id")), "audits"))
                .unionByName(kind(comments.select(col(TICKET_ID)), "comments"));
    }

    /** Comments from every source, one row per comment (deduplicated by id where it has one). */
    Dataset<Row> comments() {
        Dataset<Row> fromEvents = events
                .select(col("r.ticket_id").as(TICKET_ID), col("r.updater_id").as("updater_id"),
                        eventTime(col("r.created_at"), col("r.timestamp")).as("event_ts"),
                        explode(col("r.child_events")).as("c"))
                .filter(lower(coalesce(col("c.event_type"), col("c.type"))).equalTo("comment")
                        .or(lower(col("c.comment_present")).equalTo("true")))
                .select(col(TICKET_ID),
                        when(lower(coalesce(col("c.event_type"), col("c.type"))).equalTo("comment"), col("c.id"))
                                .as(COMMENT_ID),
                        coalesce(col("c.author_id"), col("updater_id")).as(AUTHOR_ID),
                        isTrue(coalesce(col("c.public"), col("c.comment_public"))).as(IS_PUBLIC),
                        coalesce(functions.try_to_timestamp(col("c.created_at")), col("event_ts")).as(CREATED_TS));
        Dataset<Row> fromAudits = audits
                .select(col("r.ticket_id").as(TICKET_ID), col("r.author_id").as("audit_author"),
                        col("r.created_at").as("audit_at"), explode(col("r.events")).as("e"))
                .filter(lower(col("e.type")).equalTo("comment"))
                .select(col(TICKET_ID), col("e.id").as(COMMENT_ID),
                        coalesce(col("e.author_id"), col("audit_author")).as(AUTHOR_ID),
                        isTrue(col("e.public")).as(IS_PUBLIC),
                        functions.try_to_timestamp(col("audit_at")).as(CREATED_TS));
        Dataset<Row> fromPages = comments
                .select(col(TICKET_ID), col("r.id").as(COMMENT_ID), col("r.author_id").as(AUTHOR_ID),
                        isTrue(col("r.public")).as(IS_PUBLIC),
                        functions.try_to_timestamp(col("r.created_at")).as(CREATED_TS));
        Dataset<Row> all = fromEvents.unionByName(fromAudits).unionByName(fromPages)
                .filter(col(TICKET_ID).isNotNull().and(col(CREATED_TS).isNotNull()));
        Dataset<Row> withId = all.filter(col(COMMENT_ID).isNotNull()).dropDuplicates(TICKET_ID, COMMENT_ID);
        Dataset<Row> withoutId = all.filter(col(COMMENT_ID).isNull())
                .dropDuplicates(TICKET_ID, AUTHOR_ID, CREATED_TS, IS_PUBLIC);
        return withId.unionByName(withoutId);
    }

    /** Status changes: ticket_id, changed_ts, value, previous_value (lower-cased). */
    Dataset<Row> statusChanges() {
        Dataset<Row> fromEvents = events
                .select(col("r.ticket_id").as(TICKET_ID),
                        eventTime(col("r.created_at"), col("r.timestamp")).as("event_ts"),
                        explode(col("r.child_events")).as("c"))
                .select(col(TICKET_ID),
                        coalesce(functions.try_to_timestamp(col("c.created_at")), col("event_ts")).as("changed_ts"),
                        coalesce(col("c.status"),
                                when(lower(col("c.field_name")).equalTo("status"), col("c.value"))).as("value"),
                        col("c.previous_value").as("previous_value"));
        Dataset<Row> fromAudits = audits
                .select(col("r.ticket_id").as(TICKET_ID), col("r.created_at").as("audit_at"),
                        explode(col("r.events")).as("e"))
                .filter(lower(col("e.field_name")).equalTo("status"))
                .select(col(TICKET_ID), functions.try_to_timestamp(col("audit_at")).as("changed_ts"),
                        col("e.value").as("value"), col("e.previous_value").as("previous_value"));
        return fromEvents.unionByName(fromAudits)
                .filter(col("value").isNotNull().and(col("changed_ts").isNotNull()))
                .select(col(TICKET_ID), col("changed_ts"), lower(col("value")).as("value"),
                        lower(col("previous_value")).as("previous_value"))
                .dropDuplicates();
    }

    /** Ticket metric events: ticket_id, metric, type, time_ts. */
    Dataset<Row> metricEvents() {
        return records.parsed(ZendeskFile.METRIC_EVENTS, ZendeskSchemas.METRIC_EVENT)
                .select(col("r.ticket_id").as(TICKET_ID), lower(col("r.metric")).as("metric"),
                        lower(col("r.type")).as("type"), functions.try_to_timestamp(col("r.time")).as("time_ts"))
                .filter(col(TICKET_ID).isNotNull().and(col("time_ts").isNotNull()));
    }

    /** The newest ticket metrics record per ticket (by its updated_at), as columns {@code m.*}. */
    Dataset<Row> latestMetrics() {
        Dataset<Row> all = records.parsed(ZendeskFile.METRICS, ZendeskSchemas.METRIC)
                .unionByName(records.parsed(ZendeskFile.METRIC_SETS, ZendeskSchemas.METRIC))
                .unionByName(records.parsed(ZendeskFile.METRIC, ZendeskSchemas.METRIC))
                .filter(col("r.ticket_id").isNotNull());
        return all.groupBy(col("r.ticket_id").as(TICKET_ID))
                .agg(max_by(col("r"), struct(functions.try_to_timestamp(col("r.updated_at")), col(RawRecords.FILE),
                        col(RawRecords.LINE))).as("m"));
    }

    /**
     * List Comments pages carry no ticket id: it is taken from the file name
     * ({@code ticket-123-comments.json}, {@code tickets_123_comments.json.gz}) or the folder
     * ({@code tickets/123/comments.json}).
     */
    private static Column ticketIdFromFileName() {
        Column file = col(RawRecords.FILE);
        Column name = regexp_extract(file, "([^/]*)$", 1);
        return coalesce(
                nullif(regexp_extract(name, "(?i)^tickets?[-_]?([0-9]+)", 1), lit("")),
                nullif(regexp_extract(file, "(?i)/tickets?/([0-9]+)/[^/]*comments[^/]*$", 1), lit("")));
    }

    private static Dataset<Row> kind(Dataset<Row> ticketIds, String kind) {
        return ticketIds.toDF(TICKET_ID).withColumn("kind", lit(kind));
    }

    private static Column eventTime(Column createdAt, Column epochSeconds) {
        return coalesce(functions.try_to_timestamp(createdAt), timestamp_seconds(epochSeconds.try_cast("bigint")));
    }

    private static Column isTrue(Column text) {
        return coalesce(lower(text).equalTo("true"), lit(false));
    }
}
