package org.cskpi.ingest.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both merges of a run's tickets into the stored ones: the same rows, by the rules of the ingest issue. */
@ExtendWith(SharedSpark.class)
class TicketMergeTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    private final SparkSession spark = SharedSpark.session();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shuffle", "broadcast"})
    void each_ticket_gets_the_winning_version_what_happened_to_it_and_the_stored_image(String strategy) {
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

        assertThat(outcomes(merge(strategy, stored, incoming))).containsExactly(
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shuffle", "broadcast"})
    void into_an_empty_warehouse_every_ticket_is_new(String strategy) {
        Dataset<Row> empty = spark.createDataFrame(List.of(), Tickets.SCHEMA);
        Dataset<Row> incoming = tickets(ticket("csv", "a", "open", 1), ticket("csv", "b", "solved", 2));

        assertThat(outcomes(merge(strategy, empty, incoming)))
                .containsExactly("csv/a new open before null", "csv/b new solved before null");
    }

    @Test
    void on_random_runs_the_broadcast_merge_gives_exactly_the_rows_of_the_shuffle_merge() {
        Random random = new Random(16);
        for (int round = 0; round < 5; round++) {
            List<Row> stored = new ArrayList<>();
            List<Row> incoming = new ArrayList<>();
            for (int id = 0; id < 60; id++) {
                String source = random.nextInt(5) == 0 ? "zendesk" : "csv";
                int where = random.nextInt(3); // 0 stored only, 1 incoming only, 2 both
                if (where != 1) {
                    stored.add(randomTicket(random, source, id));
                }
                if (where != 0) {
                    incoming.add(randomTicket(random, source, id));
                }
            }
            Dataset<Row> shuffled = TicketMerge.mergeByShuffle(tickets(stored), tickets(incoming));
            Dataset<Row> broadcast = TicketMerge.mergeByBroadcast(tickets(stored), tickets(incoming));

            assertThat(shuffled.count()).as("round %d", round).isEqualTo(broadcast.count());
            assertThat(shuffled.exceptAll(broadcast).count()).as("round %d", round).isZero();
            assertThat(broadcast.exceptAll(shuffled).count()).as("round %d", round).isZero();
        }
    }

    @Test
    void runs_up_to_a_million_rows_broadcast_unless_the_limit_is_moved() {
        assertThat(TicketMerge.broadcasts(spark.conf(), 1_000_000)).isTrue();
        assertThat(TicketMerge.broadcasts(spark.conf(), 1_000_001)).isFalse();
        spark.conf().set(TicketMerge.BROADCAST_ROWS_KEY, "0");
        try {
            assertThat(TicketMerge.broadcasts(spark.conf(), 60_000)).isFalse();
        } finally {
            spark.conf().unset(TicketMerge.BROADCAST_ROWS_KEY);
        }
    }

    private static Dataset<Row> merge(String strategy, Dataset<Row> stored, Dataset<Row> incoming) {
        BinaryOperator<Dataset<Row>> merge = strategy.equals("broadcast")
                ? TicketMerge::mergeByBroadcast : TicketMerge::mergeByShuffle;
        return merge.apply(stored, incoming);
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

    private static Row randomTicket(Random random, String source, int id) {
        String[] statuses = {"open", "pending", "solved"};
        String status = statuses[random.nextInt(statuses.length)];
        Integer hours = random.nextInt(6) == 0 ? null : random.nextInt(4);
        Timestamp updated = hours == null ? null : Timestamp.from(MONDAY.plusSeconds(3600L * hours));
        String channel = random.nextBoolean() ? "email" : "chat";
        return row(source, String.valueOf(id), channel, status, status.equals("solved") ? updated : null, updated);
    }

    private static Row row(String source, String id, String channel, String status, Timestamp resolved, Timestamp updated) {
        return RowFactory.create(id, source, "customer-" + id, channel, "billing", null, "agent-1", null, status,
                Timestamp.from(MONDAY), null, resolved, resolved, 0, 1, updated, "en", channel, status);
    }
}
