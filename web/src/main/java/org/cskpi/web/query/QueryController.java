package org.cskpi.web.query;

import static org.cskpi.web.page.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.page.Layout;

/**
 * {@code GET /query} (editor + table list), {@code POST /query} (results as a table) and
 * {@code POST /query/csv} (results as a download). Every cell goes through {@code esc}.
 */
final class QueryController {

    private static final String EXAMPLE = """
            SELECT week, breakdown_value AS channel, value AS frt_median_s
            FROM kpi_weekly
            WHERE kpi = 'frt_median_s' AND breakdown = 'channel'
            ORDER BY week DESC, channel""";

    private final SessionAuth auth;
    private final QueryService queries;

    QueryController(SessionAuth auth, QueryService queries) {
        this.auth = auth;
        this.queries = queries;
    }

    void show(Context ctx) {
        render(ctx, EXAMPLE, "");
    }

    void run(Context ctx) {
        String sql = Optional.ofNullable(ctx.formParam("sql")).orElse("");
        try {
            QueryResult result = queries.run(sql);
            render(ctx, sql, results(result));
        } catch (QueryRefused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, sql, "<p class=\"error\" role=\"alert\">" + esc(e.getMessage()) + "</p>");
        }
    }

    void csv(Context ctx) {
        String sql = Optional.ofNullable(ctx.formParam("sql")).orElse("");
        try {
            QueryResult result = queries.run(sql);
            String name = "cskpi-query-" + LocalDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv";
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .result(QueryCsv.write(result));
        } catch (QueryRefused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, sql, "<p class=\"error\" role=\"alert\">" + esc(e.getMessage()) + "</p>");
        }
    }

    private void render(Context ctx, String sql, String resultHtml) {
        String csrf = auth.csrfToken(ctx);
        String body = "<div class=\"query\"><section class=\"card editor\"><h1>Query</h1>"
                + "<form method=\"post\" action=\"/query\">" + Layout.csrfField(csrf)
                + "<label for=\"sql\">SQL (read-only; one statement; at most " + queries.maxRows() + " rows, "
                + queries.timeoutSeconds() + " s)</label>"
                + "<textarea id=\"sql\" name=\"sql\" rows=\"8\" spellcheck=\"false\" autocapitalize=\"off\">"
                + esc(sql) + "</textarea>"
                + "<div class=\"buttons\"><button type=\"submit\">Run</button>"
                + "<button type=\"submit\" class=\"secondary\" formaction=\"/query/csv\">Download CSV</button></div>"
                + "</form>" + resultHtml + "</section>" + tableList() + "</div>";
        ctx.html(Layout.page("Query", auth.currentUser(ctx), csrf, body));
    }

    private String tableList() {
        StringBuilder out = new StringBuilder("<aside class=\"card tables\"><h2>Tables</h2>");
        for (TableInfo table : queries.tables()) {
            out.append("<details><summary>").append(esc(table.name())).append("</summary><ul>");
            for (TableInfo.Column column : table.columns()) {
                out.append("<li><code>").append(esc(column.name())).append("</code> <span class=\"type\">")
                        .append(esc(column.type())).append("</span></li>");
            }
            out.append("</ul></details>");
        }
        return out.append("</aside>").toString();
    }

    private static String results(QueryResult result) {
        StringBuilder out = new StringBuilder("<p class=\"meta\">").append(result.rows().size())
                .append(result.rows().size() == 1 ? " row" : " rows").append(" in ").append(result.elapsedMillis())
                .append(" ms").append(result.truncated() ? " — more rows exist; only the first "
                        + result.rows().size() + " are shown (web.query_max_rows)" : "")
                .append("</p><div class=\"scroll\"><table class=\"result\"><thead><tr>");
        for (String column : result.columns()) {
            out.append("<th>").append(esc(column)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (List<String> row : result.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(result.numeric().get(i) ? "<td class=\"num\">" : "<td>");
                out.append(cell == null ? "<span class=\"null\">null</span>" : esc(cell)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }
}
