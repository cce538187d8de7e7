package org.cskpi.batch;

import org.cskpi.cli.RootCommand;
import org.cskpi.cli.Subcommands.Side;

/**
 * The batch half of {@code ./cskpi}: the commands that run Spark or read the warehouse, side
 * {@code batch} of {@code commands.tsv}. (The web half is {@code org.cskpi.web.WebCli}; the
 * launcher script routes by that list, so Spark never lands on the web app's classpath.) Also
 * the main class for spark-submit.
 */
public final class BatchCli {

    public static void main(String[] args) {
        System.exit(RootCommand.of(Side.BATCH).execute(args));
    }
}
