package org.cskpi.store.cli;

import java.util.concurrent.Callable;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cskpi db}: store administration. */
@Command(name = "db", description = "Manage the KPI store (H2).", mixinStandardHelpOptions = true,
        subcommands = DbCommand.Migrate.class)
public final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: expected 'db migrate'");
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Create the KPI store or bring its schema up to date.", "Runs the Flyway migrations."})
    static final class Migrate implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            CskpiConfig config = common.config();
            try (Store store = Store.open(config.storeUrl(), config.storePassword())) {
                int applied = store.migrate();
                System.out.println("Store " + config.storeUrl() + ": " + applied + " migration(s) applied, schema up to date.");
            }
            return 0;
        }
    }
}
