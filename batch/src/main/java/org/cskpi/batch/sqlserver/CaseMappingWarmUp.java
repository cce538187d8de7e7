package org.cskpi.batch.sqlserver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;

/**
 * Loads Spark's ICU case-mapping class on a daemon thread. The first {@code lower()},
 * {@code upper()} or {@code initcap()} of a JVM initialises {@code CollationAwareUTF8String},
 * whose static table of title-case exceptions asks ICU about each of the 1,114,112 code points:
 * 2.5 to 4.5 s on one core, which the first analyst's query to use one of them would otherwise
 * wait for. The SQL service starts this with its session, so that the wait is spent while it
 * starts. Analyze lower-cases without Spark's class ({@code LowerCase} in analytics), so a CSV
 * ingest and analyze never pay it; a Zendesk or Chatwoot ingest still lower-cases through Spark,
 * where its many event rows make Spark's own {@code lower()} worth the one-time cost. Nothing
 * changes in what is computed.
 */
final class CaseMappingWarmUp {

    static final String CASE_MAPPING_CLASS = "org.apache.spark.sql.catalyst.util.CollationAwareUTF8String";
    private static final String ICU_CASE_MAPPINGS = "spark.sql.icu.caseMappings.enabled";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CaseMappingWarmUp() {
    }

    /**
     * Starts loading the class, once a JVM, if this JVM runs the session's tasks (a local
     * master) with ICU case mappings on; on a cluster the executors, not this driver, run
     * {@code lower()}. Completes with whether this call loaded it.
     */
    static CompletableFuture<Boolean> startFor(SparkSession spark) {
        boolean local = spark.sparkContext().isLocal();
        boolean icu = Boolean.parseBoolean(spark.conf().get(ICU_CASE_MAPPINGS, "true"));
        if (!local || !icu || !STARTED.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> loaded = new CompletableFuture<>();
        Thread thread = new Thread(() -> loaded.complete(load()), "cskpi-case-mapping-warm-up");
        thread.setDaemon(true);
        thread.start();
        return loaded;
    }

    /** Loads the class now, in this thread; false when this Spark has no such class. */
    static boolean load() {
        try {
            Class.forName(CASE_MAPPING_CLASS, true, CaseMappingWarmUp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            // A Spark without the class loads what it needs when a task asks; nothing to warm.
            return false;
        }
    }
}
