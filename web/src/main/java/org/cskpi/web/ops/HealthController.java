package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.cskpi.store.Store;
import org.cskpi.web.WebFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 when the store answers a query, 503 when it does not. */
public final class HealthController implements WebFeature {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private final Store store;

    public HealthController(Store store) {
        this.store = store;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        try {
            store.dsl().selectOne().fetch();
            ctx.json(Map.of("status", "ok", "store", "reachable"));
        } catch (RuntimeException e) {
            LOG.warn("health check: store unreachable: {}", e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "down", "store", "unreachable"));
        }
    }
}
