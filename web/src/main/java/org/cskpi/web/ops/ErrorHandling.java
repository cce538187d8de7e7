package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cskpi.web.WebFeature;
import org.cskpi.web.api.ApiError;
import org.cskpi.web.page.Frame;
import org.cskpi.web.page.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper. Anything a handler did not expect is logged once with its stack
 * trace on the server and answered with a plain 500 without details. An
 * {@link HttpResponseException} (400, 401, 403, 404, 429 ... thrown by guards and controllers,
 * and Javalin's "no such route" 404) becomes a friendly HTML page for a browser, and Javalin's
 * own JSON or text answer for clients that do not ask for HTML. Under {@code /api/} every error,
 * Javalin's validation errors and the 500 included, is JSON in the one shape of
 * {@link ApiError}, whatever the client accepts.
 */
public final class ErrorHandling implements WebFeature {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
    private static final String FAILED = "Something went wrong on our side. Please try again in a moment.";

    private final Pages pages;

    public ErrorHandling(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.exception(HttpResponseException.class, this::httpError);
        config.routes.exception(ValidationException.class, ErrorHandling::validationError);
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), RequestLog.route(ctx), e);
            if (ApiError.isApi(ctx)) {
                ApiError.of(500, FAILED).send(ctx);
                return;
            }
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8").result(FAILED);
        });
    }

    private void httpError(HttpResponseException e, Context ctx) {
        if (ApiError.isApi(ctx)) {
            ApiError.of(e.getStatus(), e.getMessage()).send(ctx);
            return;
        }
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (!accept.contains("text/html")) {
            HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
            return;
        }
        ctx.status(e.getStatus()).html(page(e.getStatus(), e.getMessage()));
    }

    /** Javalin's validators (a body or parameter that fails a check); elsewhere its own answer, the map of errors. */
    private static void validationError(ValidationException e, Context ctx) {
        if (ApiError.isApi(ctx)) {
            ApiError.of(400, message(e.getErrors())).send(ctx);
            return;
        }
        ctx.status(HttpStatus.BAD_REQUEST).json(e.getErrors());
    }

    /** The failed checks in words; Javalin names a body that is not JSON of the right shape DESERIALIZATION_FAILED. */
    private static String message(Map<String, ? extends List<? extends ValidationError<?>>> errors) {
        return errors.entrySet().stream()
                .flatMap(field -> field.getValue().stream().map(error -> switch (error.getMessage()) {
                    case "DESERIALIZATION_FAILED" -> "The body must be a JSON object of the documented fields.";
                    case "NULLCHECK_FAILED" -> field.getKey() + " is required";
                    default -> error.getMessage();
                }))
                .collect(Collectors.joining("; "));
    }

    /** A page for {@code status} that says what happened and where to go next (ops/error.peb). */
    private String page(int status, String message) {
        String heading = switch (status) {
            case 400 -> "That request did not make sense";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 429 -> "Too many requests";
            default -> "Something went wrong";
        };
        String detail = message == null || message.isBlank() ? "" : message;
        return pages.render("ops/error", Frame.anonymous(heading), Map.of("status", status, "message", detail));
    }
}
