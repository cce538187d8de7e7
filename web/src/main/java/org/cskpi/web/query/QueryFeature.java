package org.cskpi.web.query;

import io.javalin.config.JavalinConfig;
import org.cskpi.web.auth.Role;

/** The analysts' {@code /query} page, plugged in with one line: {@code QueryFeature.register(config, deps)}. */
public final class QueryFeature {

    private QueryFeature() {
    }

    public static void register(JavalinConfig config, QueryDeps deps) {
        deps.auth().guard(config, "/query", Role.ANALYST);
        QueryController controller = new QueryController(deps.auth(), deps.queries());
        config.routes.get("/query", controller::show);
        config.routes.post("/query", controller::run);
        config.routes.post("/query/csv", controller::csv);
    }
}
