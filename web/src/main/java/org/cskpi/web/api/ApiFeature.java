package org.cskpi.web.api;

import io.javalin.config.JavalinConfig;

/**
 * The JSON API, plugged in with one line: {@code ApiFeature.register(config, deps)}. Every path
 * under {@code /api/} needs the API key or a session, but the API's description.
 */
public final class ApiFeature {

    private ApiFeature() {
    }

    public static void register(JavalinConfig config, ApiDeps deps) {
        ApiController controller = new ApiController(deps);
        config.routes.before("/api/*", controller::authenticate);
        config.routes.get("/api/kpis", controller::kpis);
        config.routes.get(OpenApiDocument.PATH, new OpenApiDocument()::serve);
    }
}
