package org.cskpi.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.ingest.source.StagedFields.fields;
import static org.cskpi.ingest.source.StagedFields.stagedById;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
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
 * Reads the hand-written Zendesk API pages under src/test/resources/zendesk and checks every
 * staged value against what the pages say (the working is in the comments).
 */
@ExtendWith(SharedSpark.class)
class ZendeskReaderTest {

    private static final ReadOptions UTC = new ReadOptions(ZoneId.of("UTC"), List.of());

    @Test
    void tickets_pages_metrics_and_events_give_exact_times_and_counts(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "zendesk/export");
        Map<String, Map<String, String>> rows = stagedById(input);
        assertThat(rows).containsOnlyKeys("101", "102", "103", "104");

        // 101: the first public agent comment (event 3, 09:15:30) wins over metrics' reply time
        // (08:00 + 76 min = 09:16); the first change to solved (10:00) wins over created + 125 min
        // (10:05); final = metrics' solved_at; counts from metrics (reopens 1, replies 2). The
        // requester's address comes from the users pages, for survey contacts; the id stays the customer.
        assertThat(rows.get("101")).containsAllEntriesOf(fields(
                "source", "zendesk", "customer_id", "501", "customer_email", "kari@example.com", "channel", "email",
                "category", "Refund request", "priority", "normal", "agent_id", "601", "team", "Billing",
                "status", "solved", "created_at", "2026-03-02T08:00:00Z",
                "first_response_at", "2026-03-02T09:15:30Z", "resolved_at", "2026-03-02T10:00:00Z",
                "final_resolved_at", "2026-03-04T10:00:00Z", "reopens", "1", "agent_replies", "2",
                "updated_at", "2026-03-04T10:00:00Z", "locale", "nb", "raw_channel", "email", "raw_status", "solved"));
        // 102: voice -> phone, hold -> open; no group record -> the group id; no metrics and no
        // comments: first response from the reply_time fulfil metric event; counts unknown.
        assertThat(rows.get("102")).containsAllEntriesOf(fields(
                "channel", "phone", "raw_channel", "voice", "status", "open", "raw_status", "hold",
                "team", "702", "agent_id", null, "priority", null, "category", null, "locale", null,
                "first_response_at", "2026-03-02T09:20:45Z", "resolved_at", null, "final_resolved_at", null,
                "reopens", null, "agent_replies", null));
        // 103 (gzipped page): metrics only: 12:00:10 + 7 min = 12:07:10; never solved.
        assertThat(rows.get("103")).containsAllEntriesOf(fields(
                "channel", "chat", "raw_channel", "native_messaging", "status", "pending", "category", "Late delivery",
                "agent_id", "602", "team", "Billing", "locale", "en-US", "priority", "high",
                "first_response_at", "2026-03-03T12:07:10Z", "resolved_at", null, "final_resolved_at", null,
                "reopens", "0", "agent_replies", "1"));
        // 104: 08:00 + 1440 min = next day 08:00 (first resolution); final = solved_at 03-06.
        assertThat(rows.get("104")).containsAllEntriesOf(fields(
                "channel", "social", "raw_channel", "twitter", "status", "closed", "category", "no_such_option",
                "team", null, "locale", "nb", "first_response_at", null,
                "resolved_at", "2026-03-05T08:00:00Z", "final_resolved_at", "2026-03-06T08:00:00Z",
                "reopens", "2", "agent_replies", "3"));
    }

    @Test
    void agents_are_named_from_the_users_pages_and_customers_are_not(SparkSession spark) throws Exception {
        // users.json: 601 Agent Smith (agent), 602 Admin Jones (admin), 501 and 503 end-users
        assertThat(read(spark, "zendesk/export").agentNames())
                .containsExactly(Map.entry("601", "Agent Smith"), Map.entry("602", "Admin Jones"));
    }

    @Test
    void staged_rows_say_where_they_came_from(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "zendesk/export");
        Map<String, Row> byId = new TreeMap<>();
        input.tickets().collectAsList().forEach(r -> byId.put(r.getAs("ticket_id"), r));
        assertThat(byId.get("102").<String>getAs(Staged.FILE)).endsWith("zendesk/export/tickets-page-1.json");
        assertThat(byId.get("102").<Long>getAs(Staged.LINE)).isEqualTo(2L);
        assertThat(byId.get("104").<String>getAs(Staged.FILE)).endsWith("tickets-page-2.json.gz");
        assertThat(byId.get("104").<Long>getAs(Staged.LINE)).isEqualTo(2L);
        assertThat(byId.get("104").<String>getAs(Staged.RAW)).startsWith("{\"id\":104,").contains("\"twitter\"");
        assertThat(input.tickets().schema().fields()).extracting(f -> f.name() + " " + f.dataType().simpleString())
                .containsExactly(java.util.Arrays.stream(Staged.SCHEMA.fields())
                        .map(f -> f.name() + " " + f.dataType().simpleString()).toArray(String[]::new));
        assertThat(input.files()).hasSize(8);
    }

    @Test
    void children_without_their_ticket_are_counted_not_invented(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "zendesk/export");
        assertThat(input.skipped()).containsExactly(
                Map.entry("orphan ticket_events", 1L),
                Map.entry("orphan ticket_metric_events", 1L),
                Map.entry("orphan ticket_metrics", 1L));
    }

    @Test
    void comment_events_become_messages_with_author_roles(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "zendesk/export");
        // 101: requester's opening comment, the agent's private note, the public reply, and the
        // requester's comment flagged only by comment_present on the reopening update.
        assertThat(messages(input)).containsExactly(
                "101 customer public 2026-03-02T08:00:00Z",
                "101 agent private 2026-03-02T08:30:00Z",
                "101 agent public 2026-03-02T09:15:30Z",
                "101 customer public 2026-03-03T09:00:00Z");
    }

    @Test
    void audits_give_first_and_last_resolution_and_reopens(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "zendesk/audits");
        Map<String, Map<String, String>> rows = stagedById(input);
        // 201: solved 04-01 11:00, reopened 04-02 09:00, solved again 12:00; no metrics, so the
        // counts come from the audits: 1 reopen, 2 public agent comments (10:45 and 12:00; the
        // 12:00 internal note is private). Author 901 is in no users page and is not the requester.
        assertThat(rows.get("201")).containsAllEntriesOf(fields(
                "channel", "web", "team", "711", "status", "solved", "priority", "urgent",
                "first_response_at", "2026-04-01T10:45:00Z", "resolved_at", "2026-04-01T11:00:00Z",
                "final_resolved_at", "2026-04-02T12:00:00Z", "reopens", "1", "agent_replies", "2"));
        // 202: comments page named ticket-202-comments.json; the automatic reply of Zendesk's
        // system user (-1) is no agent reply; api -> web; new -> open; no status history.
        assertThat(rows.get("202")).containsAllEntriesOf(fields(
                "channel", "web", "raw_channel", "api", "status", "open", "raw_status", "new",
                "first_response_at", "2026-04-03T09:30:00Z", "agent_replies", "1", "reopens", null,
                "resolved_at", null));
        // 203: an unknown channel is other (raw kept); a deleted ticket is staged for validation.
        assertThat(rows.get("203")).containsAllEntriesOf(fields(
                "channel", "other", "raw_channel", "carrier_pigeon", "status", "deleted",
                "created_at", "2026-04-04T08:00:00Z", "updated_at", null, "first_response_at", null));
        assertThat(input.skipped()).containsExactly(
                Map.entry("comments without ticket_id", 1L), Map.entry("orphan comments", 2L));
        assertThat(messages(input)).containsExactly(
                "201 customer public 2026-04-01T10:00:00Z",
                "201 agent public 2026-04-01T10:45:00Z",
                "201 customer public 2026-04-02T09:00:00Z",
                "201 agent private 2026-04-02T12:00:00Z",
                "201 agent public 2026-04-02T12:00:00Z",
                "202 customer public 2026-04-03T08:00:00Z",
                "202 system public 2026-04-03T08:00:05Z",
                "202 agent public 2026-04-03T09:30:00Z");
    }

    @Test
    void ui_json_export_is_read_line_by_line(SparkSession spark) throws Exception {
        StagedInput input = read(spark, "zendesk/ui");
        List<String> rows = input.tickets().collectAsList().stream()
                .map(r -> r.getAs(Staged.FILE).toString().replaceAll(".*/", "") + ":" + r.getAs(Staged.LINE) + " "
                        + r.getAs("ticket_id") + " " + r.getAs("channel") + " " + r.getAs("status"))
                .sorted().toList();
        // Line 2 is blank (dropped); line 4 is not JSON: staged with no values, for validation
        // to quarantine with its line number.
        assertThat(rows).containsExactly(
                "single-ticket.json:1 303 email open",
                "tickets-export.json:1 301 chat open",
                "tickets-export.json:3 302 social solved",
                "tickets-export.json:4 null null null");
        assertThat(input.messages()).isEmpty();
        assertThat(input.skipped()).isEmpty();
    }

    @Test
    void category_field_from_config_uses_its_raw_value_without_ticket_fields(SparkSession spark) throws Exception {
        Path dir = Files.createTempDirectory("zendesk-category");
        Path export = resource("zendesk/export");
        Files.copy(export.resolve("tickets-page-1.json"), dir.resolve("tickets-page-1.json"));
        StagedInput input = new ZendeskReader(Optional.of("901"))
                .read(spark, List.of(new org.apache.hadoop.fs.Path(dir.resolve("tickets-page-1.json").toString())), UTC);
        Map<String, Map<String, String>> rows = stagedById(input);
        assertThat(rows.get("101")).containsEntry("category", "product_shoes");
        assertThat(rows.get("102")).containsEntry("category", null);
    }

    @Test
    void a_file_with_no_zendesk_key_is_an_error_naming_it_and_the_keys(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("organizations.json"), "{\"organizations\": [{\"id\": 1}], \"count\": 1}");
        assertThatThrownBy(() -> readFiles(spark, file))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("organizations.json: not a Zendesk export")
                .hasMessageContaining("tickets, ticket_metrics, ticket_events, ticket_metric_events, audits, comments");
    }

    @Test
    void empty_broken_and_truncated_files_are_errors_naming_the_file(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThatThrownBy(() -> readFiles(spark, empty)).isInstanceOf(UserError.class)
                .hasMessageContaining("empty.json: empty file");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"tickets\": [{\"id\": 1,");
        assertThatThrownBy(() -> readFiles(spark, broken)).isInstanceOf(UserError.class)
                .hasMessageContaining("broken.json: not valid JSON");
        byte[] gz = gzip("{\"tickets\": [" + "{\"id\": 1, \"status\": \"open\"},".repeat(200) + "{\"id\": 2}]}");
        Path truncated = dir.resolve("page.json.gz");
        Files.write(truncated, java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> readFiles(spark, truncated)).isInstanceOf(UserError.class)
                .hasMessageContaining("page.json.gz: cannot read");
        Path metricsOnly = Files.writeString(dir.resolve("metrics.json"), "{\"ticket_metrics\": []}");
        assertThatThrownBy(() -> readFiles(spark, metricsOnly)).isInstanceOf(UserError.class)
                .hasMessageContaining("none of the 1 files holds tickets");
    }

    private static StagedInput read(SparkSession spark, String resourceDir) throws Exception {
        try (Stream<Path> files = Files.list(resource(resourceDir))) {
            List<org.apache.hadoop.fs.Path> paths = files.sorted()
                    .map(p -> new org.apache.hadoop.fs.Path(p.toString())).toList();
            return new ZendeskReader().read(spark, paths, UTC);
        }
    }

    private static StagedInput readFiles(SparkSession spark, Path file) {
        return new ZendeskReader().read(spark, List.of(new org.apache.hadoop.fs.Path(file.toString())), UTC);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ZendeskReaderTest.class.getClassLoader().getResource(name).toURI());
    }

    static List<String> messages(StagedInput input) {
        return input.messages().orElseThrow().collectAsList().stream()
                .map(r -> r.getAs("ticket_id") + " " + r.getAs("author_role") + " "
                        + ((Boolean) r.getAs("public") ? "public" : "private") + " "
                        + ((java.sql.Timestamp) r.getAs("created_at")).toInstant())
                .sorted((a, b) -> {
                    String[] x = a.split(" ");
                    String[] y = b.split(" ");
                    int byTicket = x[0].compareTo(y[0]);
                    return byTicket != 0 ? byTicket : (x[3] + a).compareTo(y[3] + b);
                }).toList();
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
