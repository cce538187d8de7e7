package org.cskpi.web;

import org.cskpi.cli.RootCommand;
import org.cskpi.cli.Subcommands.Side;

/**
 * The web half of {@code ./cskpi}: the commands that need no Spark (web app, users, reports),
 * side {@code web} of {@code commands.tsv}. The launcher script routes subcommands here or to
 * {@code org.cskpi.batch.BatchCli}.
 */
public final class WebCli {

    public static void main(String[] args) {
        System.exit(RootCommand.of(Side.WEB).execute(args));
    }
}
