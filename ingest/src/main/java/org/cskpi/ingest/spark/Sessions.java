package org.cskpi.ingest.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.cskpi.config.CskpiConfig;

/**
 * Builds the SparkSession of a batch job. Job code never calls {@code .master()} itself:
 * a master given by {@code spark-submit} or {@code -Dspark.master} wins, then the config's
 * {@code spark.master}, and only when neither is set does cskpi run in {@code local[*]}.
 */
public final class Sessions {

    private Sessions() {
    }

    public static SparkSession create(CskpiConfig config, String appName) {
        SparkConf conf = new SparkConf(true).setAppName("cskpi " + appName);
        if (!conf.contains("spark.master")) {
            conf.setMaster(config.spark().master().orElse("local[*]"));
        }
        boolean local = conf.get("spark.master").startsWith("local");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(config.spark().shufflePartitions()));
        conf.setIfMissing("spark.sql.adaptive.enabled", "true");
        // Cached Datasets here are run-local staging read two or three times; compressing the
        // cached column batches cost more CPU than it saved (a quarter of a 1M-row ingest).
        conf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
        // Those caches spill to disk as serialized blocks; LZ4 on them costs no measurable time
        // and cuts a 10M-ticket ingest's scratch space from 6.8 to 2.6 GB (it is 10x at 100M).
        conf.setIfMissing("spark.rdd.compress", "true");
        // Hadoop's local file system sets the mode of what it writes from its own umask
        // setting (default 022), not the process umask: the warehouse is owner-only too.
        conf.setIfMissing("spark.hadoop.fs.permissions.umask-mode", "077");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        config.spark().options().forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
