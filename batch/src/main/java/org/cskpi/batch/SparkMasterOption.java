package org.cskpi.batch;

import org.cskpi.config.CskpiConfig;
import picocli.CommandLine.Option;

/** {@code --master URL}, the same on every command that takes it (docs/configuration.md#precedence). */
public final class SparkMasterOption {

    @Option(names = "--master", paramLabel = "URL", description = "Spark master; wins over spark-submit's and the "
            + "config's spark.master (default: spark-submit's, else spark.master, else local[*]).")
    String master;

    /** The config with this flag applied, when it was given. */
    public CskpiConfig applyTo(CskpiConfig config) {
        return master == null ? config : config.withSparkMaster(master);
    }
}
