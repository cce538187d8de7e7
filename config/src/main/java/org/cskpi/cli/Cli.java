package org.cskpi.cli;

import java.io.PrintWriter;
import org.cskpi.config.ConfigException;
import picocli.CommandLine;

/**
 * Runs a picocli command tree with cskpi's exit-code rules: 0 done, 1 the work failed
 * (one-line message on stderr), 2 bad arguments (one-line message plus a hint), 3 not done here:
 * the launcher runs the command on its next side ({@link #ELSEWHERE}).
 * Only {@code main} methods call {@link System#exit}.
 */
public final class Cli {

    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;
    /**
     * The command declined before doing anything (it read no input): the launcher runs it on the
     * next side {@code commands.tsv} lists for it. {@code cskpi sql} answers this when no SQL
     * service is up, and then runs on local Spark.
     */
    public static final int ELSEWHERE = 3;

    private Cli() {
    }

    public static CommandLine commandLine(Object command) {
        return withExitCodes(new CommandLine(command));
    }

    /** Applies cskpi's rules to {@code cli} and to the subcommands it has by now. */
    public static CommandLine withExitCodes(CommandLine cli) {
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Cli::badArguments);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
        return cli;
    }

    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("cskpi: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return BAD_ARGUMENTS;
    }

    private static int failed(Exception e, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof UserError || e instanceof ConfigException) {
            err.println("cskpi: " + e.getMessage());
        } else {
            err.println("cskpi: " + commandLine.getCommandName() + " failed: " + describe(e));
            if (Boolean.getBoolean("cskpi.debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run with CSKPI_DEBUG=1 for the stack trace)");
            }
        }
        err.flush();
        return FAILED;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
