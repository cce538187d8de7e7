package org.cskpi.ingest.warehouse;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.canonical.Messages;
import org.cskpi.ingest.canonical.Tickets;

/**
 * What ingest publishes, for the other batch jobs: the current {@code tickets}
 * ({@code Tickets.SCHEMA}'s columns, one row per (source, ticket_id)) and, when an export
 * carried them, {@code messages}. Same data as {@code Warehouse.at(spark, root).table("tickets")},
 * with the canonical column order and an empty table instead of "absent".
 */
public final class TicketsWarehouse {

    private final SparkSession spark;
    private final Warehouse warehouse;

    public TicketsWarehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.warehouse = Warehouse.at(spark, root);
    }

    /** The current tickets; empty (with the canonical schema) before the first ingest. */
    public Dataset<Row> tickets() {
        return warehouse.table("tickets").map(t -> t.selectExpr(Tickets.SCHEMA.fieldNames()))
                .orElseGet(() -> spark.createDataFrame(java.util.List.of(), Tickets.SCHEMA));
    }

    /** The current messages, if any export carried them. */
    public Optional<Dataset<Row>> messages() {
        return warehouse.table("messages").map(m -> m.selectExpr(Messages.SCHEMA.fieldNames()));
    }
}
