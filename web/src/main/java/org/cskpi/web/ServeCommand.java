package org.cskpi.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./cskpi serve [--port 7070]}: runs the web app until the process is stopped (SIGTERM
 * or Ctrl-C: the shutdown hook stops the server, which first stores the answers still queued).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web app (survey, reports, query page, API).",
            "NPS survey, JSON API, report pages, /health, /metrics."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    Integer port;

    /** Checked while parsing, so a port out of range is a bad argument (exit 2), not a failed start. */
    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port, 1-65535 (default: web.port from the config, 7070).")
    void port(int value) {
        if (value < 1 || value > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535, got " + value);
        }
        this.port = value;
    }

    @Override
    public Integer call() throws InterruptedException {
        CskpiConfig config = port == null ? common.config() : common.config().withWebPort(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<SqlServerChild> sqlServer = config.sqlServer().autostart()
                ? Optional.of(SqlServerChild.start(Path.of(System.getProperty("cskpi.home", ".")),
                        common.configFile(), common.dataDir()))
                : Optional.empty();
        try (Store store = Store.openMigrated(config.storeUrl(), config.storePassword())) {
            Javalin app = WebApp.create(WebDeps.of(config, store, Clock.systemUTC()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                sqlServer.ifPresent(SqlServerChild::close);
                stopped.countDown();
            }));
            app.start(config.web().port());
            stopped.await();
        } catch (RuntimeException e) {
            sqlServer.ifPresent(SqlServerChild::close);
            throw e;
        }
        return 0;
    }
}
