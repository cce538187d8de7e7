package org.cskpi.ingest.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run's tickets merged into the stored ones, by the rules of the ingest issue ("Idempotent"). */
@ExtendWith(SharedSpark.class)
class TicketMergeTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    private final SparkSession spark = SharedSpark.session();

    @Test
    void each_ticket_gets_the_winning_version_what_happened_to_it_and_the_stored_image() {
        Dataset<Row> stored = tickets(
                ticket("csv", "kept", "open", 1),
                ticket("csv", "same", "open", 1),
                ticket("csv", "newer", "open", 1),
                ticket("csv", "older", "solved", 5),
                ticket("csv", "stored-undated", "open", null),
                ticket("csv", "incoming-undated", "solved", 3),
                ticket("csv", "tie", "open", 2),
                ticket("zendesk", "9", "open", 1));
        Dataset<Row> incoming = tickets(
                ticket("csv", "fresh", "open", 4),
                ticket("csv", "same", "open", 1),
                ticket("csv", "newer", "solved", 2),
                ticket("csv", "older", "open", 4),
                ticket("csv", "stored-undated", "solved", 3),
                ticket("csv", "incoming-undated", "open", null),
                ticket("csv", "tie", "pending", 2),
                ticket("csv", "9", "open", 1));

        assertThat(outcomes(TicketMerge.merge(stored, incoming))).containsExactly(
                "csv/9 new open before null",
                "csv/fresh new open before null",
                "csv/incoming-undated unchanged solved before email resolved",
                "csv/kept kept open before email unresolved",
                "csv/newer updated solved before email unresolved",
                "csv/older unchanged solved before email resolved",
                "csv/same unchanged open before email unresolved",
                "csv/stored-undated updated solved before email unresolved",
                "csv/tie updated pending before email unresolved",
                "zendesk/9 kept open before email unresolved");
    }

    @Test
    void into_an_empty_warehouse_every_ticket_is_new() {
        Dataset<Row> empty = spark.createDataFrame(List.of(), Tickets.SCHEMA);
        Dataset<Row> incoming = tickets(ticket("csv", "a", "open", 1), ticket("csv", "b", "solved", 2));

        assertThat(outcomes(TicketMerge.merge(empty, incoming)))
                .containsExactly("csv/a new open before null", "csv/b new solved before null");
    }

    /** "source/id change status before (stored channel and whether it was resolved)", sorted. */
    private static List<String> outcomes(Dataset<Row> merged) {
        TreeMap<String, String> byTicket = new TreeMap<>();
        for (Row row : merged.collectAsList()) {
            String key = row.getAs(Tickets.SOURCE) + "/" + row.getAs(Tickets.TICKET_ID);
            String channel = row.getAs(TicketMerge.before(Tickets.CHANNEL));
            Timestamp resolved = row.getAs(TicketMerge.before(Tickets.RESOLVED_AT));
            String before = channel == null ? "null" : channel + (resolved == null ? " unresolved" : " resolved");
            byTicket.put(key, key + " " + row.getAs(TicketMerge.CHANGE) + " " + row.getAs(Tickets.STATUS)
                    + " before " + before);
        }
        return new ArrayList<>(byTicket.values());
    }

    private Dataset<Row> tickets(Row... rows) {
        return tickets(List.of(rows));
    }

    private Dataset<Row> tickets(List<Row> rows) {
        return spark.createDataFrame(rows, Tickets.SCHEMA);
    }

    /** A ticket created on {@link #MONDAY}; {@code updatedHours} after it, or no updated_at when null. */
    private static Row ticket(String source, String id, String status, Integer updatedHours) {
        Timestamp updated = updatedHours == null ? null : Timestamp.from(MONDAY.plusSeconds(3600L * updatedHours));
        Timestamp resolved = status.equals("solved") ? updated : null;
        return row(source, id, "email", status, resolved, updated);
    }

    private static Row row(String source, String id, String channel, String status, Timestamp resolved, Timestamp updated) {
        return RowFactory.create(id, source, "customer-" + id, channel, "billing", null, "agent-1", null, status,
                Timestamp.from(MONDAY), null, resolved, resolved, 0, 1, updated, "en", channel, status);
    }
}
