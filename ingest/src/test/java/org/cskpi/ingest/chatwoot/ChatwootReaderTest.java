package org.cskpi.ingest.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.ingest.source.StagedFields.fields;
import static org.cskpi.ingest.source.StagedFields.stagedById;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.StagedInput;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads hand-written Chatwoot API pages and a conversations report under
 * src/test/resources/chatwoot. Epoch seconds used: 1774000000 = 2026-03-20T09:46:40Z,
 * +90 s = 09:48:10Z, 1774003600 = 10:46:40Z, 1774010000 = 12:33:20Z, 1774020000 = 15:20:00Z,
 * 1774020300 = 15:25:00Z, 1774020600 = 15:30:00Z, 1774020900 = 15:35:00Z,
 * 1774030000 = 18:06:40Z, 1774030500 = 18:15:00Z.
 */
@ExtendWith(SharedSpark.class)
class ChatwootReaderTest {

    @Test
    void api_conversations_map_field_by_field(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "chatwoot/api", "UTC");
        Map<String, Map<String, String>> rows = stagedById(input);
        assertThat(rows).containsOnlyKeys("11", "12", "13", "14");
        // 11: first_reply_created_at is Chatwoot's own first reply; the "marked resolved"
        // activity gives both resolution times; the widget's browser language is the locale.
        assertThat(rows.get("11")).containsAllEntriesOf(fields(
                "source", "chatwoot", "customer_id", "71", "channel", "chat", "raw_channel", "Channel::WebWidget",
                "category", "delivery", "priority", "high", "agent_id", "5", "team", "Tier 1",
                "status", "solved", "raw_status", "resolved", "created_at", "2026-03-20T09:46:40Z",
                "first_response_at", "2026-03-20T09:48:10Z", "resolved_at", "2026-03-20T10:46:40Z",
                "final_resolved_at", "2026-03-20T10:46:40Z", "reopens", null, "agent_replies", null,
                "updated_at", "2026-03-20T10:46:40Z", "locale", "de"));
        // 12: snoozed -> open; first_reply_created_at 0 means none; no labels, no assignee.
        assertThat(rows.get("12")).containsAllEntriesOf(fields(
                "channel", "email", "status", "open", "raw_status", "snoozed", "category", null, "agent_id", null,
                "team", null, "first_response_at", null, "resolved_at", null, "created_at", "2026-03-20T12:33:20Z"));
        // 13: its messages page: the bot's welcome and the private note are no reply, the first
        // public agent message is (15:25); resolved 15:30, reopened, resolved again 15:35.
        assertThat(rows.get("13")).containsAllEntriesOf(fields(
                "channel", "social", "status", "pending", "first_response_at", "2026-03-20T15:25:00Z",
                "resolved_at", "2026-03-20T15:30:00Z", "final_resolved_at", "2026-03-20T15:35:00Z",
                "agent_replies", "1", "updated_at", "2026-03-20T15:35:00Z"));
        // 14: a single conversation file (GET .../conversations/14).
        assertThat(rows.get("14")).containsAllEntriesOf(fields(
                "channel", "web", "raw_channel", "Channel::Api", "status", "open", "category", "Billing",
                "priority", "urgent", "agent_id", "6", "created_at", "2026-03-20T18:06:40Z",
                "first_response_at", "2026-03-20T18:15:00Z"));
        assertThat(input.skipped()).containsExactly(Map.entry("orphan messages", 2L));
    }

    @Test
    void api_messages_become_canonical_messages(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "chatwoot/api", "UTC");
        List<String> messages = input.messages().orElseThrow().collectAsList().stream()
                .map(r -> r.getAs("ticket_id") + " " + r.getAs("author_role") + " "
                        + ((Boolean) r.getAs("public") ? "public" : "private") + " "
                        + ((Timestamp) r.getAs("created_at")).toInstant())
                .sorted().toList();
        assertThat(messages).containsExactly(
                "11 system public 2026-03-20T10:46:40Z",
                "12 customer public 2026-03-20T12:33:20Z",
                "13 agent private 2026-03-20T15:21:40Z",
                "13 agent public 2026-03-20T15:25:00Z",
                "13 customer public 2026-03-20T15:20:00Z",
                "13 system public 2026-03-20T15:20:02Z",
                "13 system public 2026-03-20T15:30:00Z",
                "13 system public 2026-03-20T15:31:40Z",
                "13 system public 2026-03-20T15:35:00Z");
    }

    @Test
    void conversations_report_csv_reads_after_its_preamble(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "chatwoot/csv", "Europe/Oslo");
        Map<String, Map<String, String>> rows = stagedById(input);
        // 21: 09:00 in Oslo (CET, +01:00) = 08:00Z; + 2.5 min = 08:02:30Z; + 90 min = 09:30Z.
        assertThat(rows.get("21")).containsAllEntriesOf(fields(
                "customer_id", null, "customer_email", "kari@example.com", "channel", "other",
                "raw_channel", "Web shop chat", "team", "Tier 1", "agent_id", "Anna", "status", "solved",
                "category", "delivery", "created_at", "2026-03-02 09:00:00",
                "first_response_at", "2026-03-02T08:02:30Z", "resolved_at", "2026-03-02T09:30:00Z",
                "final_resolved_at", "2026-03-02T09:30:00Z", "agent_replies", null));
        // 22: 01:30 on the night summer time starts is still CET (+01:00): no times given.
        assertThat(rows.get("22")).containsAllEntriesOf(fields(
                "customer_email", "ola@example.com", "status", "open", "team", null, "agent_id", null,
                "category", null, "first_response_at", null, "resolved_at", null, "created_at", "2026-03-29 01:30:00"));
        Map<String, Long> lines = new TreeMap<>();
        input.tickets().collectAsList().forEach(r -> lines.put(r.getAs("ticket_id"), r.getAs(Staged.LINE)));
        assertThat(lines).containsExactly(Map.entry("21", 4L), Map.entry("22", 5L));
        assertThat(input.timestamps().timestampFormats()).containsExactly("yyyy-MM-dd HH:mm:ss");
        assertThat(input.messages()).isEmpty();
    }

    @Test
    void a_file_of_another_shape_is_an_error_naming_it(SparkSession spark, @TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("contacts.json"), "{\"meta\": {\"count\": 1}, \"contacts\": []}");
        assertThatThrownBy(() -> readFile(spark, other)).isInstanceOf(UserError.class)
                .hasMessageContaining("contacts.json: not a Chatwoot export").hasMessageContaining("payload");
        Path csv = Files.writeString(dir.resolve("agents.csv"), "Agent name,Assigned conversations\nAnna,3\n");
        assertThatThrownBy(() -> readFile(spark, csv)).isInstanceOf(UserError.class)
                .hasMessageContaining("agents.csv: no header with a \"Conversation ID\"");
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertThatThrownBy(() -> readFile(spark, empty)).isInstanceOf(UserError.class)
                .hasMessageContaining("empty.json: empty file");
    }

    private static StagedInput read(SparkSession spark, String dir, String zone) throws Exception {
        try (Stream<Path> files = Files.list(resource(dir))) {
            List<org.apache.hadoop.fs.Path> paths = files.sorted()
                    .map(p -> new org.apache.hadoop.fs.Path(p.toString())).toList();
            return new ChatwootReader().read(spark, paths, new ReadOptions(ZoneId.of(zone), List.of()));
        }
    }

    private static StagedInput readFile(SparkSession spark, Path file) {
        return new ChatwootReader().read(spark, List.of(new org.apache.hadoop.fs.Path(file.toString())),
                new ReadOptions(ZoneId.of("UTC"), List.of()));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ChatwootReaderTest.class.getClassLoader().getResource(name).toURI());
    }
}
