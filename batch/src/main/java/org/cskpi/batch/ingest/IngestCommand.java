package org.cskpi.batch.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cskpi.batch.BatchRun;
import org.cskpi.batch.SparkMasterOption;
import org.cskpi.cli.CommonOptions;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.job.IngestSummary;
import org.cskpi.ingest.source.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cskpi ingest}: help-desk exports into the ticket warehouse. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read help-desk exports into the ticket warehouse (Spark).",
            "Validates, quarantines bad rows, deduplicates, and merges by (source, ticket_id) where the newest "
                + "updated_at wins."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--source", required = true, paramLabel = "FORMAT",
            description = "Export format: ${COMPLETION-CANDIDATES}.")
    SourceReaders.Source source;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files, directories or globs (.gz read as is; any Hadoop path).")
    List<String> inputs;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file for --source csv (docs/mappings.md).")
    Path mapping;

    @Option(names = "--source-tz", paramLabel = "ZONE",
            description = "Zone of timestamps without an offset (default: ingest.source_timezone, UTC).")
    String sourceTz;

    @Mixin
    SparkMasterOption sparkMaster;

    @Override
    public Integer call() {
        CskpiConfig config = config();
        SourceReader reader = SourceReaders.forSource(source, Optional.ofNullable(mapping), config);
        PrintStream err = System.err;
        try (BatchRun run = BatchRun.open(config, "ingest")) {
            IngestSummary summary = new ExportIngest(run, config, err).run(reader, inputs);
            summary.lines().forEach(line -> err.println("ingest: " + line));
            return 0;
        }
    }

    /** The config file's settings with this command's flags applied. */
    public CskpiConfig config() {
        CskpiConfig config = sparkMaster.applyTo(common.config());
        return sourceTz == null ? config : config.withSourceTimezone(sourceZone());
    }

    private ZoneId sourceZone() {
        try {
            return ZoneId.of(sourceTz);
        } catch (DateTimeException e) {
            throw new UserError("--source-tz: expected a time zone id such as Europe/Oslo, got \"" + sourceTz + "\"");
        }
    }
}
