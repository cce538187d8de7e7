package org.cskpi.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.ingest.job.IngestRun.ts;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.canonical.Messages;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class TicketRowsTest {

    /** An accepted validated row: only the columns dedupe looks at vary. */
    private static Row accepted(String id, String status, Timestamp updated, int fileIndex, long line) {
        Object[] v = new Object[Validated.SCHEMA.size()];
        v[0] = id;
        v[1] = "csv";
        v[3] = "email";
        v[4] = "uncategorised";
        v[8] = status;
        v[9] = ts("2026-03-02T09:00:00Z");
        v[15] = updated;
        int base = Tickets.SCHEMA.size();
        v[base] = "f" + fileIndex;
        v[base + 1] = fileIndex;
        v[base + 2] = line;
        v[base + 6] = false;
        v[base + 7] = 0;
        v[base + 8] = 0;
        return RowFactory.create(v);
    }

    @Test
    void dedupe_keeps_the_newest_update_then_the_later_row(SparkSession spark) {
        Timestamp t1 = ts("2026-03-02T10:00:00Z");
        Timestamp t2 = ts("2026-03-02T11:00:00Z");
        Dataset<Row> rows = spark.createDataFrame(List.of(
                accepted("A", "open", t2, 0, 2),      // A: newest updated_at wins even though earlier in the input
                accepted("A", "pending", t1, 0, 3),
                accepted("B", "open", t1, 0, 4),       // B: tie on updated_at -> later line wins
                accepted("B", "pending", t1, 0, 5),
                accepted("C", "solved", t1, 0, 9),     // C: tie across files -> later file wins over a later line
                accepted("C", "closed", t1, 1, 2),
                accepted("D", "open", null, 0, 6),     // D: null is older than any time
                accepted("D", "pending", t1, 0, 1)), Validated.SCHEMA);

        List<String> result = TicketRows.dedupe(rows).collectAsList().stream()
                .map(r -> r.getAs("ticket_id") + ":" + r.getAs("status")).sorted().toList();
        assertThat(result).containsExactly("A:open", "B:pending", "C:closed", "D:pending");
    }

    @Test
    void messages_give_first_public_agent_reply_and_reply_count(SparkSession spark) {
        Dataset<Row> tickets = spark.createDataFrame(List.of(
                ticket("A", ts("2026-03-02T09:30:00Z"), 7),   // has messages: export values replaced
                ticket("B", null, 0),                         // messages but no public agent reply
                ticket("C", ts("2026-03-02T09:45:00Z"), 2)),  // no messages: export values kept
                Tickets.SCHEMA);
        Dataset<Row> messages = spark.createDataFrame(List.of(
                message("A", "customer", true, "2026-03-02T09:00:00Z"),
                message("A", "agent", false, "2026-03-02T09:05:00Z"),   // internal note: not a reply
                message("A", "agent", true, "2026-03-02T09:10:00Z"),    // first public agent reply
                message("A", "system", true, "2026-03-02T09:11:00Z"),
                message("A", "agent", true, "2026-03-02T12:00:00Z"),
                message("B", "customer", true, "2026-03-02T09:00:00Z"),
                message("B", "agent", false, "2026-03-02T09:20:00Z")), Messages.SCHEMA);

        List<Row> rows = new ArrayList<>(TicketRows.withMessageFacts(tickets, messages).collectAsList());
        rows.sort(Comparator.comparing(r -> r.<String>getAs("ticket_id")));
        assertThat(rows).extracting(r -> r.getAs("ticket_id") + " " + r.getAs("first_response_at") + " " + r.getAs("agent_replies"))
                .containsExactly("A 2026-03-02 09:10:00.0 2", "B null 0", "C 2026-03-02 09:45:00.0 2");
    }

    private static Row ticket(String id, Timestamp firstResponse, int replies) {
        return RowFactory.create(id, "zendesk", null, "email", "uncategorised", null, null, null, "open",
                ts("2026-03-02T09:00:00Z"), firstResponse, null, null, null, replies, null, null, null, null);
    }

    private static Row message(String ticket, String role, boolean isPublic, String at) {
        return RowFactory.create(ticket, "zendesk", role, isPublic, ts(at));
    }
}
