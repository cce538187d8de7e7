package org.cskpi.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.cskpi.generate.SimEvent.Kind;

/**
 * A ticket's events as the incremental ticket event export returns them with
 * {@code include=comment_events}: one {@code Audit} per update, whose {@code child_events}
 * hold the {@code Comment} (author, public flag, body) and the field {@code Change}s
 * ({@code field_name}, {@code value}, {@code previous_value}). The first public comment by an
 * agent is the canonical first response; status changes to {@code solved} are resolutions.
 * Automation (assignment trigger, auto-close) has updater {@code -1}.
 */
final class ZendeskEventJson {

    private ZendeskEventJson() {
    }

    static void write(PagedJsonFile file, SimTicket t) throws IOException {
        int agentReplies = 0;
        int customerReplies = 0;
        for (int i = 0; i < t.events().size(); i++) {
            SimEvent e = t.events().get(i);
            long auditId = t.id() * 100 + i;
            JsonGenerator g = file.next(e.at());
            String via = via(t, e);
            g.writeStartObject();
            g.writeNumberField("id", auditId);
            g.writeNumberField("ticket_id", t.id());
            g.writeNumberField("timestamp", e.at());
            g.writeStringField("created_at", Times.isoUtc(e.at()));
            g.writeNumberField("updater_id", e.authorId());
            g.writeStringField("via", via);
            g.writeStringField("event_type", "Audit");
            g.writeArrayFieldStart("child_events");
            long child = auditId * 10;
            if (e.hasComment()) {
                String body = switch (e.kind()) {
                    case CREATED -> Texts.description(t.subject(), t.customer().name());
                    case AGENT_REPLY -> Texts.agentReply(t.customer().name(), agentReplies++);
                    case CUSTOMER_REPLY -> Texts.customerReply(customerReplies++);
                    default -> Texts.agentNote();
                };
                comment(g, child++, auditId, e, body, via);
            }
            if (e.kind() == Kind.CREATED) {
                change(g, child++, "Create", "status", "new", null, via);
            }
            if (e.kind() == Kind.ASSIGNED) {
                change(g, child++, "Change", "assignee_id", Long.toString(t.agent().id()), null, via);
                change(g, child++, "Change", "group_id", Long.toString(t.team().id()), null, via);
            }
            if (e.statusTo() != null && e.kind() != Kind.CREATED) {
                change(g, child, "Change", "status", e.statusTo(), e.statusFrom(), via);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("merged_ticket_ids");
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void comment(JsonGenerator g, long id, long auditId, SimEvent e, String body, String via)
            throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("via", via);
        g.writeNullField("via_reference_id");
        g.writeBooleanField("comment_present", true);
        g.writeBooleanField("comment_public", e.isPublicComment());
        g.writeStringField("event_type", "Comment");
        g.writeStringField("type", "Comment");
        g.writeNumberField("author_id", e.authorId());
        g.writeStringField("body", body);
        g.writeStringField("html_body", "<div class=\"zd-comment\"><p>" + html(body) + "</p></div>");
        g.writeStringField("plain_body", body);
        g.writeBooleanField("public", e.isPublicComment());
        g.writeArrayFieldStart("attachments");
        g.writeEndArray();
        g.writeNumberField("audit_id", auditId);
        g.writeStringField("created_at", Times.isoUtc(e.at()));
        g.writeEndObject();
    }

    private static void change(JsonGenerator g, long id, String type, String field, String value, String previous,
                               String via) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("via", via);
        g.writeNullField("via_reference_id");
        g.writeStringField(field, value);
        g.writeStringField("event_type", type);
        g.writeStringField("type", type);
        g.writeStringField("field_name", field);
        g.writeStringField("value", value);
        if (!type.equals("Create")) {
            ZendeskTicketJson.nullable(g, "previous_value", previous);
        }
        g.writeEndObject();
    }

    /** The audit's {@code via} as the events export names it. */
    private static String via(SimTicket t, SimEvent e) {
        if (e.authorId() < 0 || e.kind() == Kind.ASSIGNED) {
            return "Rule";
        }
        if (e.kind() == Kind.CREATED || e.kind() == Kind.CUSTOMER_REPLY) {
            return switch (t.channel()) {
                case EMAIL -> "Mail";
                case CHAT -> "Chat";
                case PHONE -> "Voice";
                case TWITTER -> "Twitter";
                case FACEBOOK -> "Facebook";
                case WEB -> "Web form";
            };
        }
        return "Web form";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br>");
    }
}
