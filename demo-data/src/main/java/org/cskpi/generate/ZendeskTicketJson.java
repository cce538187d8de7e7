package org.cskpi.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One ticket as the Zendesk incremental ticket export returns it (the ticket object of the
 * Tickets API plus {@code generated_timestamp}). Category is the "Category" dropdown custom
 * field, present both in {@code custom_fields} and as a tag, as Zendesk does.
 */
final class ZendeskTicketJson {

    static final String BASE_URL = "https://cskpi-demo.zendesk.com/api/v2";
    static final String SUPPORT_ADDRESS = "support@cskpi-demo.zendesk.com";
    static final long CATEGORY_FIELD_ID = 360_011_900_001L;
    static final long ORDER_FIELD_ID = 360_011_900_002L;
    static final long TICKET_FORM_ID = 360_000_400_001L;
    static final long BRAND_ID = 360_000_300_001L;

    private ZendeskTicketJson() {
    }

    static void write(JsonGenerator g, SimTicket t) throws IOException {
        SimTicket.Facts f = t.facts();
        g.writeStartObject();
        g.writeStringField("url", BASE_URL + "/tickets/" + t.id() + ".json");
        g.writeNumberField("id", t.id());
        g.writeNullField("external_id");
        via(g, t);
        g.writeStringField("created_at", Times.isoUtc(f.createdAt()));
        g.writeStringField("updated_at", Times.isoUtc(f.updatedAt()));
        g.writeNumberField("generated_timestamp", f.updatedAt());
        nullable(g, "type", t.type());
        g.writeStringField("subject", t.subject());
        g.writeStringField("raw_subject", t.subject());
        g.writeStringField("description", Texts.description(t.subject(), t.customer().name()));
        g.writeStringField("priority", t.priority());
        g.writeStringField("status", f.zendeskStatus());
        nullable(g, "recipient", t.channel() == Channel.EMAIL ? SUPPORT_ADDRESS : null);
        g.writeNumberField("requester_id", t.customer().id());
        g.writeNumberField("submitter_id", t.customer().id());
        id(g, "assignee_id", t.agent() == null ? null : t.agent().id());
        g.writeNullField("organization_id");
        id(g, "group_id", t.team() == null ? null : t.team().id());
        emptyArray(g, "collaborator_ids");
        emptyArray(g, "follower_ids");
        emptyArray(g, "email_cc_ids");
        g.writeNullField("forum_topic_id");
        g.writeNullField("problem_id");
        g.writeBooleanField("has_incidents", false);
        g.writeBooleanField("is_public", true);
        g.writeNullField("due_at");
        g.writeArrayFieldStart("tags");
        if (t.category() != null) {
            g.writeString(t.category().tag);
        }
        g.writeEndArray();
        customFields(g, "custom_fields", t);
        g.writeNullField("satisfaction_rating");
        emptyArray(g, "sharing_agreement_ids");
        customFields(g, "fields", t);
        emptyArray(g, "followup_ids");
        g.writeNumberField("ticket_form_id", TICKET_FORM_ID);
        g.writeNumberField("brand_id", BRAND_ID);
        g.writeNullField("satisfaction_probability");
        g.writeBooleanField("allow_channelback", false);
        g.writeBooleanField("allow_attachments", true);
        g.writeBooleanField("from_messaging_channel", false);
        g.writeEndObject();
    }

    /** {@code via}: channel plus source from/to/rel shaped per channel, as the API gives them. */
    private static void via(JsonGenerator g, SimTicket t) throws IOException {
        g.writeObjectFieldStart("via");
        g.writeStringField("channel", t.channel().zendesk);
        g.writeObjectFieldStart("source");
        g.writeObjectFieldStart("from");
        switch (t.channel()) {
            case EMAIL -> {
                g.writeStringField("address", t.customer().email());
                g.writeStringField("name", t.customer().name());
            }
            case PHONE -> {
                String phone = "+47" + (40_000_000 + t.customer().id() % 9_999_999);
                g.writeStringField("phone", phone);
                g.writeStringField("formatted_phone", phone);
                g.writeStringField("name", t.customer().name());
            }
            case TWITTER, FACEBOOK -> {
                g.writeStringField("name", t.customer().name());
                g.writeStringField("profile_url", "https://" + t.channel().zendesk + ".example/"
                        + Names.asciiLocalPart(t.customer().name()));
            }
            default -> { }
        }
        g.writeEndObject();
        g.writeObjectFieldStart("to");
        if (t.channel() == Channel.EMAIL) {
            g.writeStringField("name", "cskpi demo shop");
            g.writeStringField("address", SUPPORT_ADDRESS);
        }
        g.writeEndObject();
        nullable(g, "rel", switch (t.channel()) {
            case PHONE -> "inbound";
            case TWITTER, FACEBOOK -> "direct_message";
            default -> null;
        });
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void customFields(JsonGenerator g, String name, SimTicket t) throws IOException {
        g.writeArrayFieldStart(name);
        g.writeStartObject();
        g.writeNumberField("id", CATEGORY_FIELD_ID);
        nullable(g, "value", t.category() == null ? null : t.category().tag);
        g.writeEndObject();
        g.writeStartObject();
        g.writeNumberField("id", ORDER_FIELD_ID);
        g.writeStringField("value", Long.toString(Texts.orderNumber(t.id())));
        g.writeEndObject();
        g.writeEndArray();
    }

    static void nullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    static void id(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    static void emptyArray(JsonGenerator g, String name) throws IOException {
        g.writeArrayFieldStart(name);
        g.writeEndArray();
    }
}
