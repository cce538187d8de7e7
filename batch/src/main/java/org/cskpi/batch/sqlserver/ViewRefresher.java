package org.cskpi.batch.sqlserver;

import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.cskpi.analytics.nps.SurveyData;
import org.cskpi.analytics.sql.SqlViews;
import org.cskpi.ingest.spark.SmallInputs;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.RunVersions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Keeps {@link ServedViews} on the runs the store says are current: a refresh that finds the
 * store changed (another run published versions, survey answers or invitations arrived)
 * builds the views anew and swaps them in. A run that has not committed changes nothing
 * (docs/sql-server.md#views).
 */
final class ViewRefresher {

    static final String SURVEY_INVITATIONS_VIEW = "survey_invitations";
    private static final List<String> WAREHOUSE_TABLES = List.of(WarehouseTables.TICKETS, WarehouseTables.MESSAGES,
            WarehouseTables.KPI_WEEKLY, WarehouseTables.BUSIEST_HOURS, WarehouseTables.TOP_COMPLAINTS);

    private final SparkSession spark;
    private final String warehouse;
    private final DSLContext store;
    private final ServedViews views;
    /** The warehouse views of the served snapshot kept in memory, by table (none unless the warehouse is small). */
    private Map<String, CachedView> cached = Map.of();

    /** A view kept in memory, and the version of its table it was read from (empty: the table has none yet). */
    private record CachedView(Optional<Path> version, Dataset<Row> rows) {
    }

    ViewRefresher(SparkSession spark, String warehouse, DSLContext store, ServedViews views) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.store = store;
        this.views = views;
    }

    /** Rebuilds the views if the store changed since the last refresh; true if it did. */
    synchronized boolean refresh() {
        String signature = signature();
        if (signature.equals(views.signature())) {
            return false;
        }
        Map<String, CachedView> before = cached;
        views.build(() -> {
            Map<String, Dataset<Row>> served = new LinkedHashMap<>(SqlViews.datasets(spark, warehouse, store));
            // survey_invitations without the token (only its hash is stored) and without addresses.
            served.put(SURVEY_INVITATIONS_VIEW, SurveyData.invitations(spark, store));
            Warehouse current = Warehouse.at(spark, warehouse, new RunVersions(store));
            boolean small = SmallInputs.isSmall(spark,
                    SmallInputs.bytesUnder(spark, current.currentVersions(WAREHOUSE_TABLES.toArray(String[]::new))));
            cached = small ? cache(served, current, before) : Map.of();
            views.publish(served, signature);
            SmallSnapshot.mark(spark, small);
            return null;
        });
        // A query analysed against the last snapshot and still running reads its files instead.
        before.forEach((table, view) -> {
            if (cached.get(table) != view) {
                view.rows().unpersist(false);
            }
        });
        return true;
    }

    /**
     * Keeps a small warehouse's views in memory (docs/sql-server.md#small-warehouses): a query
     * then scans cached column batches instead of opening Parquet files. A table whose version
     * is the one already cached is served from that cache (most refreshes are new survey
     * answers); another is read into memory here, so the first analyst's query does not pay for it.
     */
    private static Map<String, CachedView> cache(Map<String, Dataset<Row>> served, Warehouse current,
                                                 Map<String, CachedView> before) {
        Map<String, CachedView> cached = new LinkedHashMap<>();
        for (String table : WAREHOUSE_TABLES) {
            Optional<Path> version = current.currentVersion(table);
            CachedView kept = before.get(table);
            if (kept != null && kept.version().equals(version)) {
                served.put(table, kept.rows());
                cached.put(table, kept);
            } else if (served.containsKey(table)) {
                Dataset<Row> rows = served.get(table);
                rows.persist(StorageLevel.MEMORY_ONLY()).count();
                cached.put(table, new CachedView(version, rows));
            }
        }
        return Map.copyOf(cached);
    }

    /** The store's current warehouse versions and the extent of its survey tables, as one text. */
    private String signature() {
        RunVersions versions = new RunVersions(store);
        StringBuilder text = new StringBuilder();
        for (String table : WAREHOUSE_TABLES) {
            text.append(table).append('=').append(versions.current(table).orElse("-")).append(';');
        }
        text.append(store.select(DSL.count(), DSL.max(SURVEY_RESPONSES.ID)).from(SURVEY_RESPONSES).fetchOne()).append(';');
        text.append(store.select(DSL.count(), DSL.max(SURVEY_INVITATIONS.ID)).from(SURVEY_INVITATIONS).fetchOne());
        return text.toString();
    }
}
