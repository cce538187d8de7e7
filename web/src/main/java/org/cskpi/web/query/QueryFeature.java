package org.cskpi.web.query;

import io.javalin.config.JavalinConfig;
import org.cskpi.web.WebFeature;
import org.cskpi.web.auth.Role;
import org.cskpi.web.page.Pages;

/** The analysts' {@code /query} page, a client of the SQL service (docs/sql-server.md). */
public record QueryFeature(QueryDeps deps, Pages pages) implements WebFeature {

    @Override
    public void register(JavalinConfig config) {
        deps.auth().guard(config, "/query", Role.ANALYST);
        QueryController controller = new QueryController(deps.auth(), deps.queries(), pages);
        config.routes.get("/query", controller::show);
        config.routes.post("/query", controller::run);
        config.routes.post("/query/csv", controller::csv);
    }
}
