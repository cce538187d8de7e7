package org.cskpi.ingest.warehouse;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Messages;
import org.cskpi.ingest.canonical.Tickets;

/**
 * The warehouse's tables by name, and how the batch jobs read them (docs/architecture.md#warehouse):
 * the current version of a table, which for a {@link Warehouse} opened with the store's run
 * versions is the one the last successful run recorded, or an empty table with the table's
 * columns when it was never written. {@code tickets} and {@code messages} are written by
 * ingest, the KPI tables by analyze.
 */
public final class WarehouseTables {

    public static final String TICKETS = "tickets";
    public static final String MESSAGES = "messages";
    /** New and updated tickets per ingest run, for incremental analyze ({@code TicketChanges}). */
    public static final String TICKET_CHANGES = "ticket_changes";
    public static final String KPI_WEEKLY = "kpi_weekly";
    public static final String BUSIEST_HOURS = "busiest_hours";
    public static final String TOP_COMPLAINTS = "top_complaints";

    private final SparkSession spark;
    private final Warehouse warehouse;

    public WarehouseTables(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    /** The current tickets; empty, with {@code Tickets.SCHEMA}, before the first ingest. */
    public Dataset<Row> tickets() {
        return orEmpty(TICKETS, Tickets.SCHEMA);
    }

    /** The current tickets, for a job with nothing to do without them: fails naming the warehouse before the first ingest. */
    public Dataset<Row> ingestedTickets() {
        return warehouse.table(TICKETS).orElseThrow(() ->
                new UserError(warehouse.location() + ": no tickets table; run ./cskpi ingest first"));
    }

    /** The current messages; empty, with {@code Messages.SCHEMA}, until an export carried them. */
    public Dataset<Row> messages() {
        return orEmpty(MESSAGES, Messages.SCHEMA);
    }

    /** The current version of {@code table}; empty, with {@code schema}, when it was never written. */
    public Dataset<Row> orEmpty(String table, StructType schema) {
        return warehouse.table(table).orElseGet(() -> spark.createDataFrame(List.of(), schema));
    }
}
