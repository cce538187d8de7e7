package org.cskpi.web.query;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.page.Frame;
import org.cskpi.web.page.Pages;

/**
 * {@code GET /query} (editor + table list), {@code POST /query} (results as a table) and
 * {@code POST /query/csv} (results as a download). The page escapes every cell (query/query.peb).
 */
final class QueryController {

    private static final String EXAMPLE = """
            SELECT week, breakdown_value AS channel, value AS frt_median_s
            FROM kpi_weekly
            WHERE kpi = 'frt_median_s' AND breakdown = 'channel'
            ORDER BY week DESC, channel""";

    private final SessionAuth auth;
    private final SqlService queries;
    private final Pages pages;
    private final UserQueries mine;

    QueryController(SessionAuth auth, SqlService queries, Pages pages, UserQueries mine) {
        this.auth = auth;
        this.queries = queries;
        this.pages = pages;
        this.mine = mine;
    }

    void show(Context ctx) {
        render(ctx, EXAMPLE, null, "");
    }

    /** The page with {@code sql} in the editor and no result: a saved query, a run from the history, an error. */
    void show(Context ctx, String sql, String error) {
        render(ctx, sql, null, error);
    }

    /** Runs the query and shows the page of its rows the form asks for ({@code page}, the pager's buttons). */
    void run(Context ctx) {
        String sql = Optional.ofNullable(ctx.formParam("sql")).orElse("");
        try {
            render(ctx, sql, mine.recorded(ctx, sql, () -> queries.run(sql, analyst(ctx))), "");
        } catch (QueryRefused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, sql, null, e.getMessage());
        }
    }

    void csv(Context ctx) {
        String sql = Optional.ofNullable(ctx.formParam("sql")).orElse("");
        try {
            QueryResult result = mine.recorded(ctx, sql, () -> queries.run(sql, analyst(ctx)));
            String name = "cskpi-query-" + LocalDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv";
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .result(QueryCsv.write(result));
        } catch (QueryRefused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, sql, null, e.getMessage());
        }
    }

    /** The form's {@code page}, 1 when absent or not a number (ResultPage clamps the rest). */
    private static int pageWanted(Context ctx) {
        try {
            return Integer.parseInt(Optional.ofNullable(ctx.formParam("page")).orElse("1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whose queries these are: the service runs each analyst's in a scheduler pool of their own. */
    private String analyst(Context ctx) {
        return auth.requireUser(ctx).username();
    }

    /** The schema browser's views; while the service is down, their names and the reason. */
    private List<TableInfo> tables(Context ctx, Map<String, Object> model) {
        try {
            return queries.tables(analyst(ctx));
        } catch (QueryRefused e) {
            model.put("service_error", e.getMessage());
            return SqlService.VIEWS.stream().map(name -> new TableInfo(name, List.of(), -1)).toList();
        }
    }

    /** The editor with {@code sql}, then the {@code result} (or null) or the {@code error} (or ""), and the table list. */
    private void render(Context ctx, String sql, QueryResult result, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("sql", sql);
        model.put("result", result);
        if (result != null) {
            model.put("page", ResultPage.of(result, pageWanted(ctx)));
            model.put("result_json", ResultJson.forScriptBlock(result));
            model.put("chart", ChartAxes.defaults(result.numeric()).orElse(null));
        }
        model.put("error", error);
        model.put("service_error", "");
        model.put("tables", tables(ctx, model));
        model.put("max_rows", queries.maxRows());
        model.put("timeout_seconds", queries.timeoutSeconds());
        model.putAll(mine.model(ctx));
        ctx.html(pages.render("query/query", new Frame("Query", auth.currentUser(ctx), auth.csrfToken(ctx)), model));
    }
}
