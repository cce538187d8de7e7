package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** Chatwoot's own values mapped to the canonical ones, as column expressions. */
final class ChatwootValues {

    private ChatwootValues() {
    }

    /**
     * The inbox's channel type: Email -> email; WebWidget (the live-chat widget) -> chat; Api
     * -> web; Voice -> phone; social networks, messaging apps and SMS -> social; else other.
     */
    static Column channel(Column channelType) {
        Column v = lower(trim(channelType));
        return when(channelType.isNull(), lit("other"))
                .when(v.equalTo("channel::email"), lit("email"))
                .when(v.equalTo("channel::webwidget"), lit("chat"))
                .when(v.equalTo("channel::api"), lit("web"))
                .when(v.equalTo("channel::voice"), lit("phone"))
                .when(v.isin("channel::twitterprofile", "channel::facebookpage", "channel::whatsapp",
                        "channel::telegram", "channel::line", "channel::instagram", "channel::sms",
                        "channel::twiliosms", "channel::tiktok"), lit("social"))
                .otherwise(lit("other"));
    }

    /**
     * open -> open; pending -> pending; snoozed -> open (set aside by an agent, still the
     * team's to answer, like Zendesk's hold); resolved -> solved. Anything else passes on.
     */
    static Column status(Column raw) {
        Column v = lower(trim(raw));
        return when(v.isin("open", "snoozed"), lit("open"))
                .when(v.equalTo("resolved"), lit("solved"))
                .otherwise(v);
    }

    /**
     * A Chatwoot time: epoch seconds (possibly fractional) in the API, ISO-8601 in webhooks.
     * Epoch 0 is Chatwoot's "none" (e.g. {@code first_reply_created_at} of an unanswered
     * conversation) and reads as null.
     */
    static Column time(Column text) {
        Column seconds = text.try_cast("double");
        return when(seconds.isNotNull(), when(seconds.gt(0), timestamp_seconds(seconds)))
                .otherwise(try_to_timestamp(text));
    }

    /** message_type: 0 incoming, 1 outgoing, 2 activity, 3 template (numbers or names). */
    static Column messageKind(Column type) {
        Column v = lower(trim(type));
        return when(v.isin("0", "incoming"), lit("incoming"))
                .when(v.isin("1", "outgoing"), lit("outgoing"))
                .when(v.isin("2", "activity"), lit("activity"))
                .when(v.isin("3", "template"), lit("template"))
                .otherwise(coalesce(v, lit("unknown")));
    }
}
