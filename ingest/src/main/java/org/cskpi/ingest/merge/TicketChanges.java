package org.cskpi.ingest.merge;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.canonical.Tickets;

/**
 * The warehouse table {@code ticket_changes}: the tickets each ingest run made new or updated,
 * with the version they replaced (docs/architecture.md#ticket_changes). Incremental analyze reads
 * the rows of the runs after the tickets version it last analysed to find the weeks to recompute.
 * Each ingest that changes tickets writes a new version: the rows still pending (of runs after
 * the last full or incremental analyze) plus its own.
 *
 * <p>Columns: {@code source}, {@code ticket_id}, {@code ingest_run_id}, {@code change}
 * ({@code new}/{@code updated}) and {@link TicketMerge#BEFORE}'s {@code before_*} columns.
 */
public final class TicketChanges {

    public static final String INGEST_RUN_ID = "ingest_run_id";
    public static final String CHANGE = "change";

    /** The log's columns; the {@code before_*} ones have their tickets column's type. */
    public static final StructType SCHEMA = schema();

    private TicketChanges() {
    }

    private static StructType schema() {
        StructType schema = new StructType()
                .add(Tickets.SOURCE, DataTypes.StringType, false)
                .add(Tickets.TICKET_ID, DataTypes.StringType, false)
                .add(INGEST_RUN_ID, DataTypes.LongType, false)
                .add(CHANGE, DataTypes.StringType, false);
        for (String name : TicketMerge.BEFORE) {
            schema = schema.add(TicketMerge.before(name), Tickets.SCHEMA.apply(name).dataType(), true);
        }
        return schema;
    }

    /** The new and updated tickets of one run, from {@link TicketMerge#merge}'s output. */
    public static Dataset<Row> ofRun(Dataset<Row> merged, long runId) {
        List<Column> columns = new ArrayList<>(List.of(col(Tickets.SOURCE), col(Tickets.TICKET_ID),
                lit(runId).as(INGEST_RUN_ID), col(TicketMerge.CHANGE).as(CHANGE)));
        TicketMerge.BEFORE.forEach(name -> columns.add(col(TicketMerge.before(name))));
        return merged.where(col(TicketMerge.CHANGE).isin(TicketMerge.NEW, TicketMerge.UPDATED))
                .select(columns.toArray(Column[]::new));
    }

    /**
     * The next version of the log: {@code previous}'s rows of ingest runs after {@code keepAfter}
     * (none when empty: no analyze will read them) plus this run's.
     */
    public static Dataset<Row> next(Optional<Dataset<Row>> previous, Optional<Long> keepAfter, Dataset<Row> thisRun) {
        if (previous.isEmpty() || keepAfter.isEmpty()) {
            return thisRun;
        }
        return previous.get().where(col(INGEST_RUN_ID).gt(keepAfter.get())).unionByName(thisRun);
    }
}
