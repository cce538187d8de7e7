package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Zendesk's own values mapped to the canonical ones
 * (docs/architecture.md#help-desk-formats-read-by-name), as column expressions. The original
 * value is kept in raw_channel / raw_status.
 */
final class ZendeskValues {

    /** via.channel values meaning the web: the web form, the API, the help center, mobile SDKs. */
    static final List<String> WEB = List.of("web", "api", "web_form", "help_center", "mobile", "mobile_sdk",
            "web_widget", "web_service");
    static final List<String> PHONE = List.of("voice", "phone", "phone_call_inbound", "phone_call_outbound");
    static final List<String> CHAT = List.of("chat", "native_messaging", "chat_transcript", "messaging");
    /** Social networks and messaging apps; SMS is counted here too (a text-message conversation). */
    static final List<String> SOCIAL = List.of("twitter", "twitter_dm", "twitter_favorite", "facebook",
            "facebook_post", "facebook_message", "facebook_messenger", "instagram", "instagram_dm", "whatsapp",
            "line", "wechat", "telegram", "viber", "kakaotalk", "apple_business_chat", "google_business_messages",
            "google_rcs", "sms", "any_channel");

    private ZendeskValues() {
    }

    /** Canonical channel of a via.channel text; null stays null, anything unknown is {@code other}. */
    static Column channel(Column via) {
        Column v = lower(trim(via));
        return when(via.isNull(), lit(null).cast("string"))
                .when(v.equalTo("email"), lit("email"))
                .when(v.isin(WEB.toArray()), lit("web"))
                .when(v.isin(PHONE.toArray()), lit("phone"))
                .when(v.isin(CHAT.toArray()), lit("chat"))
                .when(v.isin(SOCIAL.toArray()), lit("social"))
                .otherwise(lit("other"));
    }

    /**
     * Canonical status: new, open and hold are {@code open}; pending, solved, closed as they
     * are. Anything else (the incremental export's {@code deleted}) is passed on lower-cased for
     * validation to reject.
     */
    static Column status(Column raw) {
        Column v = lower(trim(raw));
        return when(v.isin("new", "open", "hold"), lit("open"))
                .otherwise(v);
    }
}
