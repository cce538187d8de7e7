package org.cskpi.web;

import org.cskpi.cli.Cli;
import org.cskpi.reports.cli.ReportCommand;
import org.cskpi.store.cli.DbCommand;
import org.cskpi.web.auth.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The web half of {@code ./cskpi}: the commands that need no Spark (web app, users, reports).
 * The launcher script routes subcommands here or to {@code org.cskpi.batch.BatchCli}.
 */
@Command(name = "cskpi", mixinStandardHelpOptions = true, version = "cskpi 0.1.0",
        description = "cskpi web app and reports.",
        subcommands = {ReportCommand.class, ServeCommand.class, UserCommand.class, DbCommand.class})
public final class WebCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new WebCli(), args));
    }
}
