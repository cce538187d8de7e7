package org.cskpi.batch;

import java.time.Clock;
import org.apache.spark.sql.SparkSession;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.Sessions;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;

/**
 * What one batch command runs on: the migrated KPI store and a Spark session, started on
 * first use so that a command without Spark work starts none. Closing always closes the store
 * and stops Spark, whether the command's work succeeded or not; the run log's bracket is
 * {@link RunLog#track}, which the jobs use themselves.
 */
public final class BatchRun implements AutoCloseable {

    private final CskpiConfig config;
    private final String command;
    private final Store store;
    private final Clock clock = Clock.systemUTC();
    private final boolean ownsSpark;
    private SparkSession spark;

    private BatchRun(CskpiConfig config, String command, Store store, SparkSession spark) {
        this.config = config;
        this.command = command;
        this.store = store;
        this.spark = spark;
        this.ownsSpark = spark == null;
    }

    /** Opens (and migrates) the store of {@code config} for the subcommand named {@code command}. */
    public static BatchRun open(CskpiConfig config, String command) {
        return new BatchRun(config, command, Store.openMigrated(config.storeUrl(), config.storePassword()), null);
    }

    /** A run on a session someone else started and stops (a test's shared session); closing leaves it running. */
    public static BatchRun onSession(CskpiConfig config, String command, SparkSession spark) {
        return new BatchRun(config, command, Store.openMigrated(config.storeUrl(), config.storePassword()), spark);
    }

    /** The session of this run, named {@code cskpi COMMAND}, with the config's Spark settings. */
    public SparkSession spark() {
        if (spark == null) {
            spark = Sessions.create(config, command);
        }
        return spark;
    }

    public Store store() {
        return store;
    }

    public RunLog runLog() {
        return new RunLog(store.dsl(), clock);
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            if (ownsSpark && spark != null) {
                spark.stop();
            }
        }
    }
}
