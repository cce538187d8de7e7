package org.cskpi.web.api;

import io.javalin.config.JavalinConfig;
import org.cskpi.web.WebFeature;

/** The JSON API. Every path under {@code /api/} needs the API key or a session, but the API's description. */
public record ApiFeature(ApiDeps deps) implements WebFeature {

    @Override
    public void register(JavalinConfig config) {
        ApiController controller = new ApiController(deps);
        config.routes.before("/api/*", controller::authenticate);
        config.routes.get("/api/kpis", controller::kpis);
        config.routes.get(OpenApiDocument.PATH, new OpenApiDocument()::serve);
    }
}
