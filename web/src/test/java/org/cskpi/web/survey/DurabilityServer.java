package org.cskpi.web.survey;

import io.javalin.Javalin;
import java.time.Clock;
import org.cskpi.store.Store;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;

/**
 * The web app over a file store, as its own JVM for {@link SurveyDurabilityTest}: prints
 * {@code PORT n} once listening, then serves until killed.
 */
public final class DurabilityServer {

    private DurabilityServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Store store = Store.openMigrated(args[0]);
        Javalin app = WebApp.create(WebDeps.of(TestWeb.config(1_000_000), store, Clock.systemUTC()))
                .start("127.0.0.1", 0);
        System.out.println("PORT " + app.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
