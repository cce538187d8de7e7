package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Zendesk files parse as JSON with the real API's top-level keys, field names and types
 * (those of tickets recorded from real accounts), and say the
 * same as the canonical CSV when read the way the Zendesk reader reads them
 * (docs/architecture.md#help-desk-formats-read-by-name).
 * 2,500 tickets over 2 weeks ending 2026-11-01 (3 pages per listing).
 */
class ZendeskExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    private static List<JsonNode> tickets;
    private static List<JsonNode> events;
    private static Map<String, Map<String, String>> canonical;

    @BeforeAll
    static void generate() throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(2_500, 2, 11, out,
                EnumSet.of(GeneratorSettings.Format.ZENDESK, GeneratorSettings.Format.CSV), LocalDate.of(2026, 11, 1)));
        tickets = records("tickets");
        events = records("ticket_events");
        canonical = new HashMap<>();
        GeneratedFiles.readCsv(out.resolve("csv/tickets.csv")).forEach(t -> canonical.put(t.get("ticket_id"), t));
    }

    @Test
    void ticket_pages_have_the_incremental_export_envelope() throws IOException {
        List<Path> pages = pages("tickets");
        assertThat(pages).extracting(p -> p.getFileName().toString())
                .containsExactly("tickets-00001.json", "tickets-00002.json", "tickets-00003.json");
        for (int i = 0; i < pages.size(); i++) {
            JsonNode page = JSON.readTree(pages.get(i).toFile());
            assertThat(fieldNames(page)).containsExactly("tickets", "next_page", "count", "end_of_stream", "end_time");
            assertThat(page.get("count").asInt()).isEqualTo(page.get("tickets").size()).isLessThanOrEqualTo(1000);
            assertThat(page.get("end_of_stream").asBoolean()).isEqualTo(i == pages.size() - 1);
            assertThat(page.get("end_time").isIntegralNumber()).isTrue();
            assertThat(page.get("next_page").asText())
                    .isEqualTo("https://cskpi-demo.zendesk.com/api/v2/incremental/tickets.json?start_time="
                            + page.get("end_time").asLong());
        }
        assertThat(tickets).hasSize(2_500);
    }

    @Test
    void tickets_have_the_fields_and_types_of_the_real_api() throws IOException {
        for (JsonNode t : tickets) {
            // the field names of a ticket recorded from a real Zendesk account (go-zendesk's
            // fixture/GET/tickets.json, in shared/data/zendesk-api-fixtures), in its order
            assertThat(fieldNames(t)).containsAll(List.of("url", "id", "external_id", "via", "created_at",
                    "updated_at", "type", "subject", "raw_subject", "description", "priority", "status", "recipient",
                    "requester_id", "submitter_id", "assignee_id", "organization_id", "group_id", "collaborator_ids",
                    "follower_ids", "email_cc_ids", "forum_topic_id", "problem_id", "has_incidents", "is_public",
                    "due_at", "tags", "custom_fields", "satisfaction_rating", "sharing_agreement_ids", "fields",
                    "followup_ids", "ticket_form_id", "brand_id", "satisfaction_probability", "allow_channelback",
                    "allow_attachments"));
            assertThat(t.get("id").isIntegralNumber()).isTrue();
            assertThat(t.get("requester_id").isIntegralNumber()).isTrue();
            assertThat(t.get("has_incidents").isBoolean()).isTrue();
            assertThat(t.get("tags").isArray()).isTrue();
            assertThat(t.get("via").get("channel").isTextual()).isTrue();
            assertThat(t.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(t.get("status").asText()).isIn("new", "open", "pending", "hold", "solved", "closed");
            assertThat(t.get("priority").asText()).isIn("low", "normal", "high", "urgent");
            assertThat(fieldNames(t.get("via").get("source"))).containsExactly("from", "to", "rel");
            JsonNode category = t.get("custom_fields").get(0);
            assertThat(category.get("id").asLong()).isEqualTo(ZendeskTicketJson.CATEGORY_FIELD_ID);
            if (!category.get("value").isNull()) {
                assertThat(texts(t.get("tags"))).contains(category.get("value").asText());
            }
        }
    }

    @Test
    void ticket_fields_define_the_category_dropdown() throws IOException {
        JsonNode fields = JSON.readTree(out.resolve("zendesk/ticket_fields.json").toFile());
        assertThat(fieldNames(fields)).containsExactly("ticket_fields", "next_page", "previous_page", "count");
        JsonNode category = fields.get("ticket_fields").get(0);
        assertThat(category.get("type").asText()).isEqualTo("tagger");
        assertThat(category.get("title").asText()).isEqualTo("Category");
        JsonNode first = category.get("custom_field_options").get(0);
        assertThat(first.get("name").asText()).isEqualTo("Delivery delay");
        assertThat(first.get("value").asText()).isEqualTo("delivery_delay");
        JsonNode groups = JSON.readTree(out.resolve("zendesk/groups.json").toFile());
        assertThat(texts(groups.get("groups"), "name")).containsExactly("Orders & Delivery", "Payments & Accounts",
                "Live Support");
    }

    @Test
    void metrics_pages_have_whole_minutes_on_both_clocks() throws IOException {
        List<JsonNode> metrics = new ArrayList<>();
        for (Path page : pages("ticket_metrics")) {
            JsonNode json = JSON.readTree(page.toFile());
            assertThat(fieldNames(json)).containsExactly("ticket_metrics", "next_page", "previous_page", "count");
            assertThat(json.get("count").asInt()).isEqualTo(2_500);
            json.get("ticket_metrics").forEach(metrics::add);
        }
        assertThat(metrics).hasSize(2_500);
        for (JsonNode m : metrics) {
            Map<String, String> c = canonical.get(m.get("ticket_id").asText());
            assertThat(m.get("reopens").asText()).isEqualTo(c.get("reopens"));
            assertThat(m.get("replies").asText()).isEqualTo(c.get("agent_replies"));
            for (String name : List.of("reply_time_in_minutes", "first_resolution_time_in_minutes",
                    "full_resolution_time_in_minutes", "agent_wait_time_in_minutes",
                    "requester_wait_time_in_minutes", "on_hold_time_in_minutes")) {
                JsonNode calendar = m.get(name).get("calendar");
                JsonNode business = m.get(name).get("business");
                assertThat(calendar.isNull() || calendar.isIntegralNumber()).as(name).isTrue();
                if (!calendar.isNull()) {
                    assertThat(business.asLong()).as(name).isBetween(0L, calendar.asLong());
                }
            }
            if (c.get("first_response_at") != null) {
                long seconds = GeneratedFiles.epoch(c.get("first_response_at")) - GeneratedFiles.epoch(c.get("created_at"));
                assertThat(m.get("reply_time_in_minutes").get("calendar").asLong()).isEqualTo(seconds / 60);
            } else {
                assertThat(m.get("reply_time_in_minutes").get("calendar").isNull()).isTrue();
            }
        }
    }

    @Test
    void users_cover_every_requester_and_assignee_with_their_roles() throws IOException {
        Map<Long, String> roles = new HashMap<>();
        for (Path page : pages("users")) {
            JsonNode json = JSON.readTree(page.toFile());
            assertThat(fieldNames(json)).containsExactly("users", "next_page", "count", "end_of_stream", "end_time");
            json.get("users").forEach(u -> roles.put(u.get("id").asLong(), u.get("role").asText()));
        }
        assertThat(new HashSet<>(roles.values())).containsExactlyInAnyOrder("admin", "agent", "end-user");
        for (JsonNode t : tickets) {
            assertThat(roles.get(t.get("requester_id").asLong())).isEqualTo("end-user");
            if (!t.get("assignee_id").isNull()) {
                assertThat(roles.get(t.get("assignee_id").asLong())).isEqualTo("agent");
            }
        }
    }

    @Test
    void tickets_and_events_say_what_the_canonical_csv_says() throws IOException {
        Map<Long, List<JsonNode>> audits = new HashMap<>();
        for (Path page : pages("ticket_events")) {
            JsonNode json = JSON.readTree(page.toFile());
            assertThat(fieldNames(json)).containsExactly("ticket_events", "next_page", "count", "end_of_stream",
                    "end_time");
            assertThat(json.get("count").asInt()).isEqualTo(json.get("ticket_events").size()).isLessThanOrEqualTo(1000);
        }
        events.forEach(e -> audits.computeIfAbsent(e.get("ticket_id").asLong(), k -> new ArrayList<>()).add(e));
        Set<Long> agents = new HashSet<>();
        Cast.AGENTS.forEach(a -> agents.add(a.id()));
        Map<Long, String> groups = Map.of(Cast.ORDERS.id(), Cast.ORDERS.name(), Cast.PAYMENTS.id(),
                Cast.PAYMENTS.name(), Cast.LIVE.id(), Cast.LIVE.name());
        for (JsonNode t : tickets) {
            Map<String, String> c = canonical.get(t.get("id").asText());
            ReadBack read = ReadBack.of(audits.get(t.get("id").asLong()), agents);
            assertThat(t.get("created_at").asText()).isEqualTo(c.get("created_at"));
            assertThat(t.get("updated_at").asText()).isEqualTo(c.get("updated_at"));
            assertThat(read.firstResponse).as("first response of %s", c.get("ticket_id")).isEqualTo(c.get("first_response_at"));
            assertThat(read.firstSolve).isEqualTo(c.get("resolved_at"));
            assertThat(read.reopens).isEqualTo(Integer.parseInt(c.get("reopens")));
            assertThat(read.agentReplies).isEqualTo(Integer.parseInt(c.get("agent_replies")));
            String status = t.get("status").asText();
            assertThat(read.lastStatus).isEqualTo(status);
            boolean isSolved = status.equals("solved") || status.equals("closed");
            assertThat(isSolved ? read.lastSolve : null).isEqualTo(c.get("final_resolved_at"));
            assertThat(Map.of("new", "open", "hold", "open").getOrDefault(status, status)).isEqualTo(c.get("status"));
            assertThat(canonicalChannel(t.get("via").get("channel").asText())).isEqualTo(c.get("channel"));
            assertThat(t.get("requester_id").asText()).isEqualTo(c.get("customer_id"));
            assertThat(t.get("assignee_id").isNull() ? null : t.get("assignee_id").asText()).isEqualTo(c.get("agent_id"));
            assertThat(t.get("group_id").isNull() ? null : groups.get(t.get("group_id").asLong())).isEqualTo(c.get("team"));
            JsonNode value = t.get("custom_fields").get(0).get("value");
            String category = value.isNull() ? null : Category.valueOf(value.asText().toUpperCase(Locale.ROOT)).canonical();
            assertThat(category).isEqualTo(c.get("category"));
        }
    }

    /** What a reader derives from a ticket's audits. */
    private record ReadBack(String firstResponse, String firstSolve, String lastSolve, int reopens, int agentReplies,
                            String lastStatus) {
        static ReadBack of(List<JsonNode> audits, Set<Long> agents) {
            String firstResponse = null;
            String firstSolve = null;
            String lastSolve = null;
            String lastStatus = null;
            int reopens = 0;
            int replies = 0;
            for (JsonNode audit : audits) {
                assertThat(audit.get("event_type").asText()).isEqualTo("Audit");
                for (JsonNode child : audit.get("child_events")) {
                    String type = child.get("event_type").asText();
                    if (type.equals("Comment") && child.get("public").asBoolean()
                            && agents.contains(child.get("author_id").asLong())) {
                        replies++;
                        firstResponse = firstResponse == null ? child.get("created_at").asText() : firstResponse;
                    }
                    if (!child.path("field_name").asText().equals("status")) {
                        continue;
                    }
                    String to = child.get("value").asText();
                    if (to.equals("solved")) {
                        firstSolve = firstSolve == null ? audit.get("created_at").asText() : firstSolve;
                        lastSolve = audit.get("created_at").asText();
                    }
                    if (type.equals("Change") && child.get("previous_value").asText().equals("solved") && !to.equals("closed")) {
                        reopens++;
                    }
                    lastStatus = to;
                }
            }
            return new ReadBack(firstResponse, firstSolve, lastSolve, reopens, replies, lastStatus);
        }
    }

    /** The Zendesk channel mapping (docs/architecture.md#help-desk-formats-read-by-name). */
    private static String canonicalChannel(String via) {
        return switch (via) {
            case "email" -> "email";
            case "web", "api" -> "web";
            case "voice" -> "phone";
            case "chat", "native_messaging" -> "chat";
            case "twitter", "facebook" -> "social";
            default -> "other";
        };
    }

    private static List<JsonNode> records(String prefix) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (Path page : pages(prefix)) {
            JSON.readTree(page.toFile()).get(prefix).forEach(all::add);
        }
        return all;
    }

    private static List<Path> pages(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("zendesk"))) {
            return files.filter(p -> p.getFileName().toString().matches(prefix + "-\\d{5}\\.json")).sorted().toList();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.get(field).asText()));
        return values;
    }
}
