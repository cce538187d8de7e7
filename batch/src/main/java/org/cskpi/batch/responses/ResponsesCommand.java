package org.cskpi.batch.responses;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cskpi.batch.BatchRun;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.csv.HeaderPolicy;
import org.cskpi.ingest.mapping.Mapping;
import org.cskpi.ingest.mapping.MappingParser;
import org.cskpi.ingest.mapping.MappingTarget;
import org.cskpi.ingest.responses.ResponsesImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cskpi responses}: NPS answers collected elsewhere. */
@Command(name = "responses", mixinStandardHelpOptions = true, description = "NPS answers collected elsewhere.",
        subcommands = ResponsesCommand.Import.class)
public final class ResponsesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: expected 'responses import FILE'");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import NPS answers collected elsewhere.",
                "From a CSV file (columns ticket_id/customer_id, score, comment, answered_at, locale, or any export "
                    + "through --mapping) into the KPI store; bad rows are quarantined."})
    static final class Import implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "FILE", description = "The CSV file (.gz read as is).")
        String file;

        @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file (docs/mappings.md) for other survey exports.")
        Path mapping;

        @Override
        public Integer call() {
            CskpiConfig config = common.config();
            Mapping m = mapping == null ? ResponsesImport.canonicalMapping() : MappingParser.read(mapping, MappingTarget.RESPONSES);
            HeaderPolicy policy = mapping == null ? HeaderPolicy.CANONICAL : HeaderPolicy.MAPPED;
            try (BatchRun run = BatchRun.open(config, "responses import")) {
                ResponsesImport.Summary s = new AnswersImport(run, config).run(file, m, policy);
                System.err.println("responses import: " + s.line());
                s.quarantineFile().ifPresent(f -> System.err.println("responses import: quarantined rows: " + f));
            }
            return 0;
        }
    }
}
