package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-ticket facts derived from a Zendesk export's children, one row per ticket_id. Pure
 * {@code Dataset -> Dataset} functions; the reader joins their output onto the ticket records.
 */
final class ZendeskTicketFacts {

    static final String AUTHOR_ROLE = "author_role";

    private ZendeskTicketFacts() {
    }

    /**
     * Adds {@code author_role} to comments joined with their ticket ({@code requester_id},
     * {@code ticket_created_ts}) and the users ({@code user_role}): Zendesk's system user
     * (negative id, e.g. -1) is {@code system}; users whose role is agent or admin are
     * {@code agent}; the requester, and any other end user, is {@code customer}; an author not
     * in the users pages is taken for an {@code agent} unless it is the requester (a comment
     * on a ticket by someone other than the requester is most likely staff).
     */
    static Dataset<Row> withAuthorRole(Dataset<Row> comments) {
        Column author = col(ZendeskChildren.AUTHOR_ID);
        Column role = col("user_role");
        return comments.withColumn(AUTHOR_ROLE,
                when(author.try_cast("bigint").lt(0), lit("system"))
                        .when(role.isin("agent", "admin"), lit("agent"))
                        .when(author.equalTo(col("requester_id")), lit("customer"))
                        .when(role.equalTo("end-user"), lit("customer"))
                        .otherwise(lit("agent")));
    }

    /**
     * From comments with {@code author_role} and {@code ticket_created_ts}: {@code comment_count},
     * {@code agent_first_reply_ts} (first public agent comment after the ticket was created, so
     * the opening comment of an agent-created ticket is not a reply) and
     * {@code agent_reply_count} (those public agent comments).
     */
    static Dataset<Row> replies(Dataset<Row> comments) {
        Column isReply = col(AUTHOR_ROLE).equalTo("agent").and(col(ZendeskChildren.IS_PUBLIC))
                .and(col(ZendeskChildren.CREATED_TS).gt(col("ticket_created_ts")));
        return comments.groupBy(ZendeskChildren.TICKET_ID).agg(
                count(lit(1)).as("comment_count"),
                min(when(isReply, col(ZendeskChildren.CREATED_TS))).as("agent_first_reply_ts"),
                count(when(isReply, lit(1))).as("agent_reply_count"));
    }

    /**
     * From status changes: {@code first_solved_ts} / {@code last_solved_ts} (a change to solved,
     * or straight to closed from anything but solved) and {@code status_reopens} (changes from
     * solved back to new, open, pending or hold), plus {@code status_change_count}.
     */
    static Dataset<Row> solves(Dataset<Row> changes) {
        Column value = col("value");
        Column previous = coalesce(col("previous_value"), lit(""));
        Column isSolve = value.equalTo("solved").or(value.equalTo("closed").and(not(previous.isin("solved", "closed"))));
        Column isReopen = previous.equalTo("solved").and(value.isin("new", "open", "pending", "hold"));
        return changes.groupBy(ZendeskChildren.TICKET_ID).agg(
                count(lit(1)).as("status_change_count"),
                min(when(isSolve, col("changed_ts"))).as("first_solved_ts"),
                max(when(isSolve, col("changed_ts"))).as("last_solved_ts"),
                count(when(isReopen, lit(1))).as("status_reopens"));
    }

    /**
     * From ticket metric events: {@code metric_first_reply_ts} (the first reply_time fulfil)
     * and {@code metric_first_solved_ts} / {@code metric_last_solved_ts} (resolution_time fulfils).
     */
    static Dataset<Row> metricEventTimes(Dataset<Row> events) {
        Column fulfil = col("type").equalTo("fulfill");
        Column reply = fulfil.and(col("metric").equalTo("reply_time"));
        Column solve = fulfil.and(col("metric").equalTo("resolution_time"));
        return events.groupBy(ZendeskChildren.TICKET_ID).agg(
                min(when(reply, col("time_ts"))).as("metric_first_reply_ts"),
                min(when(solve, col("time_ts"))).as("metric_first_solved_ts"),
                max(when(solve, col("time_ts"))).as("metric_last_solved_ts"));
    }
}
