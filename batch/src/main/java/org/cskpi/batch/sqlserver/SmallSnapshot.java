package org.cskpi.batch.sqlserver;

import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.spark.SmallInputs;

/**
 * Part of the batch steps' small-input settings ({@link SmallInputs}) for the analysts' sessions
 * while the service serves a small warehouse (docs/sql-server.md#small-warehouses): no adaptive
 * execution and one shuffle partition. A query over a few thousand cached rows then takes one
 * short job instead of adaptive stages over a coalesced shuffle. Generated code stays on: this
 * JVM lives long and reuses the code it compiled, and interpreted aggregation was slower here.
 *
 * <p>The service's own session carries whether the served snapshot is small; each analyst's
 * session follows it before each of their queries ({@link UserPoolAssigner}). A setting the
 * user gave the service ({@code spark.options}) is never replaced, and the value a setting had
 * before is put back when the warehouse outgrows the limit, unless the analyst has SET it since.
 */
final class SmallSnapshot {

    /** In the service's own session: whether the snapshot it serves is small. */
    static final String SERVED_SMALL = "spark.cskpi.sqlServer.smallSnapshot";
    /** In an analyst's session, before each setting it replaced: the value it had. */
    private static final String BEFORE = "spark.cskpi.sqlServer.beforeSmall.";
    private static final String UNSET = "";
    static final Map<String, String> SETTINGS = Map.of(
            "spark.sql.adaptive.enabled", "false",
            "spark.sql.shuffle.partitions", "1");

    private SmallSnapshot() {
    }

    /** Records in the service's session whether the snapshot it now serves is small. */
    static void mark(SparkSession service, boolean small) {
        service.conf().set(SERVED_SMALL, String.valueOf(small));
    }

    /** Whether the service whose session is {@code service} serves a small snapshot. */
    static boolean isServed(SparkSession service) {
        return Boolean.parseBoolean(service.conf().get(SERVED_SMALL, "false"));
    }

    /** Gives an analyst's session the small-input settings, or takes them back, as {@code small} says. */
    static void follow(RuntimeConfig session, boolean small) {
        for (Map.Entry<String, String> setting : SETTINGS.entrySet()) {
            String key = setting.getKey();
            boolean applied = session.contains(BEFORE + key);
            if (small && !applied && !SmallInputs.isUserKey(session, key)) {
                session.set(BEFORE + key, session.contains(key) ? session.get(key) : UNSET);
                session.set(key, setting.getValue());
            } else if (!small && applied) {
                String before = session.get(BEFORE + key);
                if (setting.getValue().equals(session.get(key, null))) {
                    if (before.equals(UNSET)) {
                        session.unset(key);
                    } else {
                        session.set(key, before);
                    }
                }
                session.unset(BEFORE + key);
            }
        }
    }
}
