package org.cskpi.batch.sqlserver;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.sources.BaseRelation;

/**
 * The views the SQL service serves, as one immutable snapshot that is swapped whole. A query
 * is resolved against the snapshot of the moment it is analysed, so it reads one run's
 * versions from start to end (never a mix, never switched mid-query); the next query sees
 * the next snapshot (docs/sql-server.md#views).
 *
 * <p>It also remembers every file relation it ever served, so the read-only check can tell
 * the served tables from a file an analyst names ({@link ReadOnlyCheck}).
 */
public final class ServedViews {

    /** One set of views: name (lower case) to analysed plan, and what it was built from. */
    record Snapshot(Map<String, LogicalPlan> plans, String signature) {
    }

    /** Set on the refresher's thread while it builds views: its own reads of the warehouse pass the check. */
    private final ThreadLocal<Boolean> building = ThreadLocal.withInitial(() -> false);
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(Map.of(), ""));
    private final Set<BaseRelation> servedRelations = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    /** Runs {@code build} (which reads the warehouse for the next snapshot) past the read-only check. */
    <T> T build(java.util.function.Supplier<T> build) {
        building.set(true);
        try {
            return build.get();
        } finally {
            building.set(false);
        }
    }

    /** Whether this thread is building views ({@link #build}); no analyst's query ever is. */
    boolean isBuilding() {
        return building.get();
    }

    /** Serves {@code views} from now on, built from the store state {@code signature}. */
    void publish(Map<String, Dataset<Row>> views, String signature) {
        Map<String, LogicalPlan> plans = new LinkedHashMap<>();
        views.forEach((name, rows) -> {
            LogicalPlan plan = rows.queryExecution().analyzed();
            plan.foreach(node -> {
                if (node instanceof LogicalRelation relation) {
                    servedRelations.add(relation.relation());
                }
                return null;
            });
            plans.put(name.toLowerCase(Locale.ROOT), plan);
        });
        current.set(new Snapshot(Map.copyOf(plans), signature));
    }

    /** The served view {@code name} (any case) of the current snapshot. */
    Optional<LogicalPlan> plan(String name) {
        return Optional.ofNullable(current.get().plans().get(name.toLowerCase(Locale.ROOT)));
    }

    /** The names served now, in no particular order. */
    Set<String> names() {
        return current.get().plans().keySet();
    }

    String signature() {
        return current.get().signature();
    }

    boolean isServed(BaseRelation relation) {
        return servedRelations.contains(relation);
    }
}
