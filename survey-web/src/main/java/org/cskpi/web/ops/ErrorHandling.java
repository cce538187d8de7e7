package org.cskpi.web.ops;

import static org.cskpi.web.page.Html.esc;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import java.util.Optional;
import org.cskpi.web.WebFeature;
import org.cskpi.web.page.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper. Anything a handler did not expect is logged once with its stack
 * trace on the server and answered with a plain 500 without details. An
 * {@link HttpResponseException} (400, 401, 403, 404, 429 ... thrown by guards and controllers,
 * and Javalin's "no such route" 404) becomes a friendly HTML page for a browser; the JSON API
 * and clients that do not ask for HTML keep Javalin's own JSON or text answer.
 */
public final class ErrorHandling implements WebFeature {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void register(JavalinConfig config) {
        config.routes.exception(HttpResponseException.class, ErrorHandling::httpError);
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), RequestLog.route(ctx), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8")
                    .result("Something went wrong on our side. Please try again in a moment.");
        });
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (ctx.path().startsWith("/api/") || !accept.contains("text/html")) {
            HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
            return;
        }
        ctx.status(e.getStatus()).html(page(e.getStatus(), e.getMessage()));
    }

    /** A page for {@code status} that says what happened and where to go next. */
    static String page(int status, String message) {
        String heading = switch (status) {
            case 400 -> "That request did not make sense";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 429 -> "Too many requests";
            default -> "Something went wrong";
        };
        String next = switch (status) {
            case 401 -> "<a href=\"/login\">Sign in</a>";
            case 429 -> "Wait a minute, then <a href=\"/\">try again</a>.";
            default -> "<a href=\"/\">Back to the latest report</a>";
        };
        String detail = message == null || message.isBlank() ? "" : "<p>" + esc(message) + "</p>";
        return Layout.page(heading, Optional.empty(), "", "<div class=\"card notice\"><h1>" + esc(heading)
                + "</h1>" + detail + "<p>" + next + "</p><p class=\"meta\">HTTP " + status + "</p></div>");
    }
}
