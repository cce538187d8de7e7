package org.cskpi.ingest.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark settings for a step whose input is small, on a local master. A small desk's weekly run
 * is dozens of queries over a few thousand rows: planning adaptive stages, compiling generated
 * code and scheduling a task per shuffle partition cost more than the rows do. Below
 * {@link #LIMIT_BYTES} of input a step therefore runs without adaptive execution, on one shuffle
 * partition and with interpreted expressions (docs/benchmarks.md, "Fixed cost of a small run").
 * Results do not depend on these settings, only time does. A Spark option set by the user
 * (config {@code spark.options}, {@code --conf}) is never overridden, and
 * {@code spark.cskpi.smallInputBytes} moves the limit (0 turns this off).
 */
public final class SmallInputs implements AutoCloseable {

    /**
     * 8 MiB: a CSV export of about 35,000 tickets, or the warehouse's Parquet of about 130,000. The
     * run of 1,000 and of 20,000 tickets took 29 % and 18 % less time with these settings; at
     * 200,000 tickets (44 MB of CSV, 12 MB of Parquet) they were no faster.
     */
    public static final long LIMIT_BYTES = 8L << 20;
    static final String LIMIT_KEY = "spark.cskpi.smallInputBytes";
    static final Map<String, String> SETTINGS = Map.of(
            "spark.sql.adaptive.enabled", "false",
            "spark.sql.shuffle.partitions", "1",
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN");

    private final RuntimeConfig conf;
    private final Map<String, Optional<String>> previous;
    private final boolean small;

    private SmallInputs(RuntimeConfig conf, Map<String, Optional<String>> previous, boolean small) {
        this.conf = conf;
        this.previous = previous;
        this.small = small;
    }

    /**
     * Applies the small-input settings to {@code spark} for as long as the result is open, if
     * {@code inputBytes} is at most the limit and the master is local; otherwise changes nothing.
     */
    public static SmallInputs forInput(SparkSession spark, long inputBytes) {
        RuntimeConfig conf = spark.conf();
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        boolean small = isSmall(spark, inputBytes);
        if (small) {
            SETTINGS.forEach((key, value) -> {
                if (!isUserKey(conf, key)) {
                    previous.put(key, conf.contains(key) ? Optional.of(conf.get(key)) : Optional.empty());
                    conf.set(key, value);
                }
            });
        }
        return new SmallInputs(conf, previous, small);
    }

    /** Whether {@code inputBytes} of input is small enough for {@link #SETTINGS} on this session's master. */
    public static boolean isSmall(SparkSession spark, long inputBytes) {
        long limit = Long.parseLong(spark.conf().get(LIMIT_KEY, String.valueOf(LIMIT_BYTES)));
        return spark.sparkContext().master().startsWith("local") && inputBytes <= limit;
    }

    /** Whether the user set {@code key} themselves (config {@code spark.options}, {@code --conf}): it is theirs. */
    public static boolean isUserKey(RuntimeConfig conf, String key) {
        return List.of(conf.get(Sessions.USER_KEYS, "").split(",")).contains(key);
    }

    /** Whether this step runs with the small-input settings. */
    public boolean applied() {
        return !previous.isEmpty();
    }

    /**
     * Where the step keeps the staging it reads more than once. A large step keeps it on disk
     * only, serialized, so that memory holds the work and not the copies; a small one keeps it
     * in memory as column batches, since serializing them to disk was a third of the executor's
     * time in a 20,000-ticket ingest (docs/benchmarks.md, "Three cuts found by profiling").
     */
    public StorageLevel stagingLevel() {
        return small ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.DISK_ONLY();
    }

    /** The total size of the files under {@code paths} (directories are summed recursively). */
    public static long bytesUnder(SparkSession spark, List<Path> paths) {
        long total = 0;
        try {
            for (Path path : paths) {
                FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (fs.exists(path)) {
                    total += fs.getContentSummary(path).getLength();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the size of " + paths + ": " + e.getMessage(), e);
        }
        return total;
    }

    /** Puts back what the settings were before this step. */
    @Override
    public void close() {
        previous.forEach((key, value) -> value.ifPresentOrElse(v -> conf.set(key, v), () -> conf.unset(key)));
    }
}
