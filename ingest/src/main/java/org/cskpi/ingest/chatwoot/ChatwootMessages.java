package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Chatwoot messages: author roles and the per-conversation facts derived from them. */
final class ChatwootMessages {

    private ChatwootMessages() {
    }

    /**
     * From {@code ticket_id, from_page, m} (a message struct) adds {@code kind},
     * {@code author_role} (incoming: customer; outgoing: agent unless an agent bot or Captain
     * sent it; activity, template: system), {@code is_public} (not {@code private}) and
     * {@code created_ts}; drops messages without a readable time.
     */
    static Dataset<Row> withAuthorRole(Dataset<Row> messages) {
        Column kind = ChatwootValues.messageKind(col("m.message_type"));
        Column sender = lower(coalesce(col("m.sender_type"), col("m.sender.type")));
        Column bot = coalesce(sender.isin("agentbot", "agent_bot", "captain_assistant", "captain::assistant"), lit(false));
        return messages
                .withColumn("kind", kind)
                .withColumn("author_role", when(kind.equalTo("incoming"), lit("customer"))
                        .when(kind.equalTo("outgoing").and(not(bot)), lit("agent"))
                        .otherwise(lit("system")))
                .withColumn("is_public", not(coalesce(lower(col("m.private")).equalTo("true"), lit(false))))
                .withColumn("created_ts", ChatwootValues.time(col("m.created_at")))
                .withColumn("content", col("m.content"))
                .filter(col("created_ts").isNotNull());
    }

    /**
     * Per conversation: {@code agent_first_reply_ts} (first public agent message after the
     * conversation was created), {@code agent_reply_count} and {@code has_page_messages}
     * (messages came from a messages page, so the count is complete), and
     * {@code first_resolved_ts} / {@code last_resolved_ts} from the "… resolved …" activity
     * messages Chatwoot writes on every resolve.
     */
    static Dataset<Row> facts(Dataset<Row> messages, Dataset<Row> conversations) {
        Dataset<Row> created = conversations.groupBy(col("r.id").as("ticket_id"))
                .agg(min(ChatwootValues.time(col("r.created_at"))).as("conv_created_ts"));
        Column reply = col("author_role").equalTo("agent").and(col("is_public"))
                .and(col("created_ts").gt(col("conv_created_ts")));
        Column resolve = col("kind").equalTo("activity").and(lower(col("content")).contains("resolved"));
        return messages.join(created, "ticket_id").groupBy("ticket_id").agg(
                min(when(reply, col("created_ts"))).as("agent_first_reply_ts"),
                count(when(reply, lit(1))).as("agent_reply_count"),
                max(col("from_page")).as("has_page_messages"),
                min(when(resolve, col("created_ts"))).as("first_resolved_ts"),
                max(when(resolve, col("created_ts"))).as("last_resolved_ts"));
    }
}
