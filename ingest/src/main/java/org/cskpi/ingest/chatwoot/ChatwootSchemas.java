package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/**
 * Explicit schemas of Chatwoot's API objects (conversation partial and message
 * {@code push_event_data}), every scalar read as text. Times are epoch seconds in the API.
 */
final class ChatwootSchemas {

    static final StructType MESSAGE = new StructType()
            .add("id", StringType)
            .add("conversation_id", StringType)
            .add("message_type", StringType)
            .add("private", StringType)
            .add("created_at", StringType)
            .add("content", StringType)
            .add("sender_type", StringType)
            .add("sender", new StructType().add("id", StringType).add("type", StringType));

    /**
     * A conversation, or a message when a {@code payload} page holds messages: the record is a
     * message when it has {@code message_type}.
     */
    static final StructType RECORD = new StructType()
            .add("id", StringType)
            .add("conversation_id", StringType)
            .add("message_type", StringType)
            .add("status", StringType)
            .add("priority", StringType)
            .add("labels", createArrayType(StringType))
            .add("created_at", StringType)
            .add("updated_at", StringType)
            .add("last_activity_at", StringType)
            .add("timestamp", StringType)
            .add("first_reply_created_at", StringType)
            .add("additional_attributes", new StructType().add("browser_language", StringType))
            .add("meta", new StructType()
                    .add("channel", StringType)
                    .add("sender", new StructType().add("id", StringType).add("email", StringType))
                    .add("assignee", new StructType().add("id", StringType).add("name", StringType))
                    .add("team", new StructType().add("id", StringType).add("name", StringType)))
            .add("messages", createArrayType(MESSAGE));

    private ChatwootSchemas() {
    }
}
