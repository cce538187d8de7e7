package org.cskpi.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The account's other objects: users (agents, the admin and end users, as the incremental
 * user export returns them), groups (the teams) and ticket fields (the "Category" dropdown
 * whose options are the categories, plus an "Order number" text field).
 */
final class ZendeskAccountJson {

    private static final String ACCOUNT_CREATED = "2024-03-01T08:00:00Z";

    private ZendeskAccountJson() {
    }

    static void agent(JsonGenerator g, Cast.Agent agent, String role, String zoneName, String ianaZone)
            throws IOException {
        user(g, agent.id(), agent.name(), agent.email(), role, "en-US", zoneName, ianaZone, ACCOUNT_CREATED);
        g.writeNumberField("default_group_id", agent.team().id());
        g.writeEndObject();
    }

    static void customer(JsonGenerator g, Customers.Customer c, long firstSeen) throws IOException {
        String created = Times.isoUtc(firstSeen);
        user(g, c.id(), c.name(), c.email(), "end-user", c.zendeskLocale(), c.zendeskTimeZone(), c.ianaTimeZone(),
                created);
        g.writeNullField("default_group_id");
        g.writeEndObject();
    }

    /** Writes an open user object; the caller adds its last fields and closes it. */
    private static void user(JsonGenerator g, long id, String name, String email, String role, String locale,
                             String zone, String ianaZone, String created) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("url", ZendeskTicketJson.BASE_URL + "/users/" + id + ".json");
        g.writeStringField("name", name);
        g.writeStringField("email", email);
        g.writeStringField("created_at", created);
        g.writeStringField("updated_at", created);
        g.writeStringField("time_zone", zone);
        g.writeStringField("iana_time_zone", ianaZone);
        g.writeNullField("phone");
        g.writeStringField("locale", locale);
        g.writeNullField("organization_id");
        g.writeStringField("role", role);
        g.writeBooleanField("verified", true);
        g.writeNullField("external_id");
        g.writeArrayFieldStart("tags");
        g.writeEndArray();
        g.writeBooleanField("active", true);
        g.writeBooleanField("suspended", false);
        g.writeBooleanField("shared", false);
        g.writeBooleanField("moderator", !role.equals("end-user"));
        g.writeStringField("ticket_restriction", role.equals("end-user") ? "requested" : null);
        g.writeObjectFieldStart("user_fields");
        g.writeEndObject();
    }

    static void groups(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("groups");
        for (Cast.Team team : Cast.TEAMS) {
            g.writeStartObject();
            g.writeStringField("url", ZendeskTicketJson.BASE_URL + "/groups/" + team.id() + ".json");
            g.writeNumberField("id", team.id());
            g.writeStringField("name", team.name());
            g.writeStringField("description", "");
            g.writeBooleanField("default", team == Cast.ORDERS);
            g.writeBooleanField("deleted", false);
            g.writeBooleanField("is_public", true);
            g.writeStringField("created_at", ACCOUNT_CREATED);
            g.writeStringField("updated_at", ACCOUNT_CREATED);
            g.writeEndObject();
        }
        g.writeEndArray();
        listTrailer(g, Cast.TEAMS.size());
        g.writeEndObject();
    }

    static void ticketFields(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("ticket_fields");
        field(g, ZendeskTicketJson.CATEGORY_FIELD_ID, "tagger", "Category", 10);
        g.writeArrayFieldStart("custom_field_options");
        long optionId = ZendeskTicketJson.CATEGORY_FIELD_ID * 10;
        for (Category c : Category.values()) {
            g.writeStartObject();
            g.writeNumberField("id", ++optionId);
            g.writeStringField("name", c.displayName);
            g.writeStringField("raw_name", c.displayName);
            g.writeStringField("value", c.tag);
            g.writeBooleanField("default", false);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        field(g, ZendeskTicketJson.ORDER_FIELD_ID, "text", "Order number", 11);
        g.writeEndObject();
        g.writeEndArray();
        listTrailer(g, 2);
        g.writeEndObject();
    }

    /** Writes an open ticket-field object; the caller closes it. */
    private static void field(JsonGenerator g, long id, String type, String title, int position) throws IOException {
        g.writeStartObject();
        g.writeStringField("url", ZendeskTicketJson.BASE_URL + "/ticket_fields/" + id + ".json");
        g.writeNumberField("id", id);
        g.writeStringField("type", type);
        g.writeStringField("title", title);
        g.writeStringField("raw_title", title);
        g.writeStringField("description", title);
        g.writeStringField("raw_description", title);
        g.writeNumberField("position", position);
        g.writeBooleanField("active", true);
        g.writeBooleanField("required", false);
        g.writeBooleanField("collapsed_for_agents", false);
        g.writeNullField("regexp_for_validation");
        g.writeStringField("title_in_portal", title);
        g.writeStringField("raw_title_in_portal", title);
        g.writeBooleanField("visible_in_portal", false);
        g.writeBooleanField("editable_in_portal", false);
        g.writeBooleanField("required_in_portal", false);
        g.writeNullField("tag");
        g.writeStringField("created_at", ACCOUNT_CREATED);
        g.writeStringField("updated_at", ACCOUNT_CREATED);
        g.writeBooleanField("removable", true);
        g.writeNullField("agent_description");
    }

    private static void listTrailer(JsonGenerator g, int count) throws IOException {
        g.writeNullField("next_page");
        g.writeNullField("previous_page");
        g.writeNumberField("count", count);
    }
}
