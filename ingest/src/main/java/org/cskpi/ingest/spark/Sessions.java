package org.cskpi.ingest.spark;

import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.cskpi.config.CskpiConfig;
import scala.Tuple2;

/**
 * Builds the SparkSession of a batch job. Job code never calls {@code .master()} itself. Each
 * setting takes the first value of (docs/configuration.md#precedence): the command line's
 * {@code --master}; what spark-submit ({@code --master}, {@code --conf}) or a {@code -Dspark.*}
 * JVM option set; the config's {@code spark.options}, then its {@code spark.master} and
 * {@code spark.shuffle_partitions}; cskpi's defaults below, {@code local[*]} for the master.
 */
public final class Sessions {

    /** The Spark settings the user gave (spark-submit, {@code -Dspark.*}, {@code spark.options}), comma-separated. */
    static final String USER_KEYS = "spark.cskpi.userKeys";

    private Sessions() {
    }

    public static SparkSession create(CskpiConfig config, String appName) {
        return SparkSession.builder().config(conf(config, appName, new SparkConf(true))).getOrCreate();
    }

    /** The settings of a session, given what spark-submit or {@code -Dspark.*} set ({@code submitted}). */
    public static SparkConf conf(CskpiConfig config, String appName, SparkConf submitted) {
        SparkConf conf = submitted.clone().setAppName("cskpi " + appName);
        config.spark().commandLineMaster().ifPresent(conf::setMaster);
        config.spark().options().forEach(conf::setIfMissing);
        conf.set(USER_KEYS, String.join(",", Arrays.stream(conf.getAll()).map(Tuple2::_1).sorted().toList()));
        config.spark().master().ifPresent(master -> conf.setIfMissing("spark.master", master));
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(config.spark().shufflePartitions()));
        setDefaults(conf);
        return conf;
    }

    private static void setDefaults(SparkConf conf) {
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
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
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
    }
}
