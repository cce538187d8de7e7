package org.cskpi.ingest.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.ingest.job.IngestRun.ts;
import static org.cskpi.ingest.job.IngestRun.values;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.job.IngestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshdeskReaderTest {

    // Column headers of Freshdesk's ticket CSV export (Tickets > Export, all fields).
    static final String HEADER = "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,"
            + "Resolved time,Closed time,Last update time,Initial response time,Time tracked,First response time (in hrs),"
            + "Resolution time (in hrs),Agent interactions,Customer interactions,Resolution status,First response status,"
            + "Tags,Survey results,Contact ID,Full name,Requester email";

    @TempDir
    Path dir;

    @Test
    void reads_the_real_export_in_the_account_zone() throws Exception {
        Path export = dir.resolve("tickets.csv");
        Files.writeString(export, String.join("\r\n", HEADER,
                "101,Where is my order?,Closed,Medium,Email,Delivery,Kari Nordmann,Tier 1,2026-03-02 09:00:00,2026-03-03 09:00:00,"
                        + "2026-03-02 15:00:00,2026-03-04 15:00:00,2026-03-04 15:00:00,2026-03-02 09:45:00,00:10,0.75,6.0,2,1,"
                        + "Within SLA,Within SLA,\"order,late\",,5001,Ana Souza,ana@example.com",
                "102,Refund,Waiting on Customer,High,Portal,Refund,,Billing,2026-03-02 10:30:00,2026-03-03 10:30:00,,,"
                        + "2026-03-02 11:00:00,2026-03-02 10:50:00,,0.33,,1,1,,Within SLA,,,,Ben Ito,Ben.Ito@Example.com",
                "103,Hello,Resolved,Low,Chat,,Kari Nordmann,Tier 1,2026-03-03 08:00:00,,2026-03-03 08:20:00,,"
                        + "2026-03-03 08:20:00,2026-03-03 08:01:00,,0.02,0.33,3,2,Within SLA,Within SLA,,,5003,Chloé Martin,chloe@example.com",
                "104,Pigeon,Open,Urgent,Carrier Pigeon,Question,,,2026-03-03 09:00:00,,,,2026-03-03 09:00:00,,,,,0,1,,,,,5004,Dan,dan@example.com")
                + "\r\n");
        String key = "test-key";
        try (IngestRun run = new IngestRun(dir.resolve("data"), Optional.of(key))) {
            IngestSummary summary = run.ingest(new FreshdeskReader(), ZoneId.of("Europe/Oslo"), export);
            assertThat(summary.rowsRead()).isEqualTo(4);
            assertThat(summary.rowsQuarantined()).isZero();
            assertThat(summary.unknownChannels()).isEqualTo(1);
            List<Row> t = run.tickets();
            // Oslo is UTC+1 in March: 09:00 -> 08:00Z. final_resolved_at is the Resolved time, not the (later,
            // automatic) Closed time; Agent interactions -> agent_replies; reopens not exported -> null.
            assertThat(values(t.get(0))).containsExactly("101", "freshdesk", "5001", "email", "delivery", "Medium",
                    "Kari Nordmann", "Tier 1", "closed", ts("2026-03-02T08:00:00Z"), ts("2026-03-02T08:45:00Z"),
                    ts("2026-03-02T14:00:00Z"), ts("2026-03-02T14:00:00Z"), null, 2, ts("2026-03-04T14:00:00Z"), null,
                    "Email", "Closed");
            // No Contact ID: the customer is the keyed hash of the lower-cased e-mail, never the address.
            assertThat(values(t.get(1))).containsExactly("102", "freshdesk", hmac(key, "ben.ito@example.com"), "web", "refund",
                    "High", null, "Billing", "pending", ts("2026-03-02T09:30:00Z"), ts("2026-03-02T09:50:00Z"), null, null,
                    null, 1, ts("2026-03-02T10:00:00Z"), null, "Portal", "Waiting on Customer");
            assertThat(values(t.get(2))).containsExactly("103", "freshdesk", "5003", "chat", "uncategorised", "Low",
                    "Kari Nordmann", "Tier 1", "solved", ts("2026-03-03T07:00:00Z"), ts("2026-03-03T07:01:00Z"),
                    ts("2026-03-03T07:20:00Z"), ts("2026-03-03T07:20:00Z"), null, 3, ts("2026-03-03T07:20:00Z"), null,
                    "Chat", "Resolved");
            assertThat(values(t.get(3))).containsExactly("104", "freshdesk", "5004", "other", "question", "Urgent", null,
                    null, "open", ts("2026-03-03T08:00:00Z"), null, null, null, null, 0, ts("2026-03-03T08:00:00Z"), null,
                    "Carrier Pigeon", "Open");
            assertThat(t).noneSatisfy(r -> assertThat(r.mkString()).contains("@"));
        }
    }

    @Test
    void an_email_only_customer_without_a_key_is_an_error_naming_the_key() throws Exception {
        Path export = dir.resolve("tickets.csv");
        Files.writeString(export, "Ticket ID,Status,Source,Created time,Requester email\n"
                + "7,Open,Email,2026-03-02 09:00:00,x@example.com\n");
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            assertThatThrownBy(() -> run.ingest(new FreshdeskReader(), export))
                    .isInstanceOf(UserError.class)
                    .hasMessageContaining("ingest.customer_key is not set");
            assertThat(run.warehouse().currentVersion("tickets")).isEmpty();
        }
    }

    /** HMAC-SHA256 computed here independently of the code under test. */
    static String hmac(String key, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
