package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import org.cskpi.web.WebFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper for anything a handler did not expect: logged once with its stack
 * trace on the server, a plain 500 without details to the client. Javalin's own mappers for
 * {@code HttpResponseException} and validation errors stay in place (more specific classes win).
 */
public final class ErrorHandling implements WebFeature {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void register(JavalinConfig config) {
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), RequestLog.route(ctx), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8")
                    .result("Something went wrong on our side. Please try again in a moment.");
        });
    }
}
