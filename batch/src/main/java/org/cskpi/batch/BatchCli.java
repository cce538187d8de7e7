package org.cskpi.batch;

import org.cskpi.batch.analyze.AnalyzeCommand;
import org.cskpi.batch.generate.GenerateCommand;
import org.cskpi.batch.ingest.IngestCommand;
import org.cskpi.batch.invite.InviteCommand;
import org.cskpi.batch.responses.ResponsesCommand;
import org.cskpi.batch.sql.SqlCommand;
import org.cskpi.cli.Cli;
import org.cskpi.store.cli.DbCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The batch half of {@code ./cskpi}: the commands that run Spark or read the warehouse.
 * (The web half is {@code org.cskpi.web.WebCli}; the launcher script routes by subcommand,
 * so Spark never lands on the web app's classpath.) Also the main class for spark-submit.
 */
@Command(name = "cskpi", mixinStandardHelpOptions = true, version = "cskpi 0.1.0",
        description = "cskpi batch jobs.",
        subcommands = {GenerateCommand.class, IngestCommand.class, AnalyzeCommand.class, SqlCommand.class, ResponsesCommand.class, InviteCommand.class, DbCommand.class})
public final class BatchCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new BatchCli(), args));
    }
}
