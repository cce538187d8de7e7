package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.cskpi.web.WebFeature;

/**
 * Security headers on every response, errors included. The CSP allows scripts, styles and
 * images from this origin only: no inline script or style, no eval, no framing, forms post
 * only to this origin. Pages that need data in the page put it in
 * {@code <script type="application/json">} (not executed) and read it from a script file.
 */
public final class SecurityHeaders implements WebFeature {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void register(JavalinConfig config) {
        config.routes.before(SecurityHeaders::apply);
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
