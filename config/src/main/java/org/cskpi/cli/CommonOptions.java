package org.cskpi.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.files.DataDirectory;
import picocli.CommandLine.Option;

/** The options every subcommand takes: {@code --config FILE} and {@code --data-dir DIR}. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file; flags on the command line win over it (default: ./cskpi.yaml if it "
                    + "exists, else built-in defaults).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the warehouse, store and outputs live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /**
     * Reads the config once; a command applies its own flags to it with {@code CskpiConfig.with…},
     * so that they win over the file. An existing data directory open to other users is made
     * owner-only first ({@link DataDirectory}).
     */
    public CskpiConfig config() {
        DataDirectory.makeOwnerOnly(dataDir, System.err);
        return CskpiConfig.load(Optional.ofNullable(config), dataDir);
    }

    /** The {@code --config} file, if one was given. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }

    public Path dataDir() {
        return dataDir;
    }
}
