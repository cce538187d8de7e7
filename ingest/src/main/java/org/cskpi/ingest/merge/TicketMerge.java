package org.cskpi.ingest.merge;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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

    /** {@code Tickets.SCHEMA}'s columns plus {@link #CHANGE} and the {@link #BEFORE} image. */
    public static Dataset<Row> merge(Dataset<Row> stored, Dataset<Row> incoming) {
        Dataset<Row> s = stored.alias("s");
        Dataset<Row> n = incoming.alias("n");
        Dataset<Row> joined = s.join(n, s.col(Tickets.SOURCE).equalTo(n.col(Tickets.SOURCE))
                .and(s.col(Tickets.TICKET_ID).equalTo(n.col(Tickets.TICKET_ID))), "full_outer");
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
}
