package org.cskpi.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./cskpi serve [--port 7070]}: runs the web app until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web app: NPS survey, JSON API, report pages, /health, /metrics.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: web.port from the config, 7070).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        CskpiConfig config = common.config();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Store store = Store.openMigrated(config.storeUrl())) {
            Javalin app = WebApp.create(WebDeps.of(config, store, Clock.systemUTC()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                stopped.countDown();
            }));
            app.start(port != null ? port : config.web().port());
            stopped.await();
        }
        return 0;
    }
}
