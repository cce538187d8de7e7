package org.cskpi.ingest.merge;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.cskpi.ingest.canonical.Tickets;

/**
 * Merges a run's deduplicated tickets into the warehouse's current {@code tickets} by
 * ({@code source}, {@code ticket_id}) (the ingest issue, "Idempotent"). The incoming version
 * wins unless its {@code updated_at} is older than the stored one (null is older than any
 * time; on a tie the incoming row is later in the input, as in a single run's dedupe). A
 * winning row identical to the stored one counts as unchanged, so ingesting the same export
 * twice changes nothing.
 */
public final class TicketMerge {

    /** Column saying what happened to each ticket: new, updated, unchanged, or kept (not in the run). */
    public static final String CHANGE = "_change";
    public static final String NEW = "new";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String KEPT = "kept";

    private TicketMerge() {
    }

    /**
     * The stored version's columns that say which weeks a ticket counted in, as columns
     * {@code before_<name>} (null for a new ticket): the before image {@link TicketChanges} logs.
     */
    public static final List<String> BEFORE = List.of(Tickets.CREATED_AT, Tickets.RESOLVED_AT, Tickets.CHANNEL,
            Tickets.CATEGORY, Tickets.TEAM, Tickets.AGENT_ID);

    /** The column holding the stored version's {@code name} (one of {@link #BEFORE}). */
    public static String before(String name) {
        return "before_" + name;
    }

    /**
     * A run of at most this many accepted rows is merged by {@link #mergeByBroadcast}, unless
     * {@code spark.cskpi.mergeBroadcastRows} says otherwise (0: never).
     */
    public static final long BROADCAST_MAX_ROWS = 1_000_000;
    static final String BROADCAST_ROWS_KEY = "spark.cskpi.mergeBroadcastRows";

    /** Whether a run of {@code acceptedRows} is small enough for {@link #mergeByBroadcast}. */
    public static boolean broadcasts(RuntimeConfig conf, long acceptedRows) {
        return acceptedRows <= Long.parseLong(conf.get(BROADCAST_ROWS_KEY, String.valueOf(BROADCAST_MAX_ROWS)));
    }

    /**
     * {@code Tickets.SCHEMA}'s columns plus {@link #CHANGE} and the {@link #BEFORE} image, by a full
     * outer join: both sides are shuffled by key. For a run as large as the warehouse (the first
     * load, a re-import of the history).
     */
    public static Dataset<Row> mergeByShuffle(Dataset<Row> stored, Dataset<Row> incoming) {
        Dataset<Row> s = stored.alias("s");
        Dataset<Row> n = incoming.alias("n");
        return merged(s.join(n, sameTicket(s, n), "full_outer"), s, n);
    }

    /**
     * The same rows as {@link #mergeByShuffle}, for a run much smaller than the warehouse (a
     * week's export): the run's tickets are broadcast, so each stored ticket is read once and
     * never shuffled, and the run's new tickets are those whose key no stored ticket has. The
     * stored side is scanned twice, the second time for its two key columns only.
     */
    public static Dataset<Row> mergeByBroadcast(Dataset<Row> stored, Dataset<Row> incoming) {
        Dataset<Row> s = stored.alias("s");
        Dataset<Row> n = broadcast(incoming).alias("n");
        Dataset<Row> storedOnes = merged(s.join(n, sameTicket(s, n), "left_outer"), s, n);
        Dataset<Row> known = keys(stored).join(broadcast(keys(incoming)), scala(KEY), "left_semi");
        Dataset<Row> fresh = incoming.join(broadcast(known), scala(KEY), "left_anti");
        List<Column> columns = new ArrayList<>();
        for (String name : Tickets.SCHEMA.fieldNames()) {
            columns.add(col(name));
        }
        columns.add(lit(NEW).as(CHANGE));
        BEFORE.forEach(name -> columns.add(lit(null).cast(Tickets.SCHEMA.apply(name).dataType()).as(before(name))));
        return storedOnes.unionByName(fresh.select(columns.toArray(Column[]::new)));
    }

    private static final List<String> KEY = List.of(Tickets.SOURCE, Tickets.TICKET_ID);

    private static Dataset<Row> keys(Dataset<Row> tickets) {
        return tickets.select(col(Tickets.SOURCE), col(Tickets.TICKET_ID));
    }

    private static Column sameTicket(Dataset<Row> s, Dataset<Row> n) {
        return s.col(Tickets.SOURCE).equalTo(n.col(Tickets.SOURCE))
                .and(s.col(Tickets.TICKET_ID).equalTo(n.col(Tickets.TICKET_ID)));
    }

    /** The winning version of each joined pair, what happened to it, and the stored version's image. */
    private static Dataset<Row> merged(Dataset<Row> joined, Dataset<Row> s, Dataset<Row> n) {
        Column storedUpdated = s.col(Tickets.UPDATED_AT);
        Column incomingUpdated = n.col(Tickets.UPDATED_AT);
        Column incomingOlder = storedUpdated.isNotNull()
                .and(incomingUpdated.isNull().or(incomingUpdated.lt(storedUpdated)));
        Column identical = Arrays.stream(Tickets.SCHEMA.fieldNames())
                .map(name -> s.col(name).eqNullSafe(n.col(name)))
                .reduce(Column::and).orElseThrow();
        Column change = when(s.col(Tickets.TICKET_ID).isNull(), lit(NEW))
                .when(n.col(Tickets.TICKET_ID).isNull(), lit(KEPT))
                .when(incomingOlder.or(identical), lit(UNCHANGED))
                .otherwise(lit(UPDATED));
        Dataset<Row> withChange = joined.withColumn(CHANGE, change);
        Column takeIncoming = col(CHANGE).isin(NEW, UPDATED);
        Column[] columns = Arrays.stream(Tickets.SCHEMA.fieldNames())
                .map(name -> when(takeIncoming, n.col(name)).otherwise(s.col(name)).as(name))
                .toArray(Column[]::new);
        List<Column> all = new ArrayList<>(Arrays.asList(columns));
        all.add(col(CHANGE));
        BEFORE.forEach(name -> all.add(s.col(name).as(before(name))));
        return withChange.select(all.toArray(Column[]::new));
    }

    private static scala.collection.immutable.Seq<String> scala(List<String> names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(names).toSeq();
    }
}
