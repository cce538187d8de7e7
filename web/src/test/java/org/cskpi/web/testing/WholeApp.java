package org.cskpi.web.testing;

import io.javalin.Javalin;
import java.time.Instant;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;

/**
 * The whole app as {@code ServeCommand} wires it ({@link WebApp#create}), unstarted, on a fresh
 * in-memory store with {@link TestWeb#config} (API key {@link TestWeb#API_KEY}); the clock
 * stands at 2026-11-20T10:00Z.
 */
public final class WholeApp implements AutoCloseable {

    public final Store store = TestWeb.store();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    public final Javalin app = WebApp.create(WebDeps.of(TestWeb.config(1000), store, clock));

    @Override
    public void close() {
        store.close();
    }
}
