package org.cskpi.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code cskpi} command of one JVM: on its own it only says that a subcommand is missing.
 * Its subcommands are those {@link Subcommands} lists for that side, so the batch and the web
 * main classes differ only in their side.
 */
@Command(name = "cskpi", mixinStandardHelpOptions = true, version = "cskpi 0.1.0")
public final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private RootCommand() {
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** The command line of one JVM side, with cskpi's exit-code rules ({@link Cli}). */
    public static CommandLine of(Subcommands.Side side) {
        CommandLine root = new CommandLine(new RootCommand());
        root.getCommandSpec().usageMessage().description(description(side));
        Map<String, String> classes = new LinkedHashMap<>();
        for (Subcommands.Listed listed : Subcommands.on(side)) {
            classes.putIfAbsent(listed.command(), listed.runsOn(side));
        }
        classes.forEach((name, className) -> root.addSubcommand(name, commandClass(className)));
        return Cli.withExitCodes(root);
    }

    private static String description(Subcommands.Side side) {
        return switch (side) {
            case BATCH -> "cskpi batch jobs.";
            case WEB -> "cskpi web app and reports.";
            case SCRIPT -> throw new IllegalArgumentException("scripts run in no JVM of cskpi's");
        };
    }

    private static Class<?> commandClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(Subcommands.RESOURCE + " lists " + name + ", which is not on the classpath", e);
        }
    }
}
