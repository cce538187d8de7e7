package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.cskpi.web.WebFeature;

/**
 * Security headers on every response, errors included. The CSP allows scripts, styles and
 * images from this origin only: no inline script or style, no eval, no framing, forms post
 * only to this origin. Pages that need data in the page put it in
 * {@code <script type="application/json">} (not executed) and read it from a script file.
 * Chart tooltips are built as DOM nodes by the report script: ECharts' own tooltip HTML carries
 * style attributes, which this policy refuses (ReportPageBrowserTest hovers and checks).
 * When the app is reached over https ({@code web.secure_cookies}) it also sends
 * Strict-Transport-Security, so browsers that saw it once no longer try plain http for a year.
 */
public final class SecurityHeaders implements WebFeature {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean https;

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before(this::apply);
    }

    private void apply(Context ctx) {
        if (https) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
