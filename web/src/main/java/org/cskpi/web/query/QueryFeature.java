package org.cskpi.web.query;

import io.javalin.config.JavalinConfig;
import org.cskpi.web.WebFeature;
import org.cskpi.web.auth.Role;
import org.cskpi.web.page.Pages;

/** The analysts' {@code /query} page, a client of the SQL service (docs/sql-server.md). */
public record QueryFeature(QueryDeps deps, Pages pages) implements WebFeature {

    @Override
    public void register(JavalinConfig config) {
        SavedQueries saved = new SavedQueries(deps.dsl(), deps.clock());
        QueryHistory history = new QueryHistory(deps.dsl(), deps.clock());
        QueryController controller = new QueryController(deps.auth(), deps.queries(), pages,
                new UserQueries(deps.auth(), saved, history));
        SavedQueryController savedQueries = new SavedQueryController(deps.auth(), saved, history, controller);
        // Before the guard, which would read the body and fail on its size (see TooLongQuery).
        TooLongQuery tooLong = new TooLongQuery(deps.auth(), config.http.maxRequestSize, controller);
        config.routes.before("/query", tooLong::before);
        config.routes.before("/query/*", tooLong::before);
        deps.auth().guard(config, "/query", Role.ANALYST);
        config.routes.get("/query", controller::show);
        config.routes.post("/query", controller::run);
        config.routes.post("/query/csv", controller::csv);
        config.routes.post("/query/saved", savedQueries::save);
        config.routes.get("/query/saved/{id}", savedQueries::open);
        config.routes.post("/query/saved/{id}/delete", savedQueries::delete);
        config.routes.get("/query/history/{id}", savedQueries::fromHistory);
        config.events.serverStopped(deps.queries()::close);
    }
}
