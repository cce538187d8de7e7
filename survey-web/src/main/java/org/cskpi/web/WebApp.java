package org.cskpi.web;

import io.javalin.Javalin;
import java.util.List;
import org.cskpi.web.invitation.InvitationApiController;
import org.cskpi.web.ops.ErrorHandling;
import org.cskpi.web.ops.HealthController;
import org.cskpi.web.ops.MetricsController;
import org.cskpi.web.ops.RequestLog;
import org.cskpi.web.ops.SecurityHeaders;
import org.cskpi.web.survey.SurveyFeature;

/**
 * The web app, wired once (STYLE.md rule 6). {@link #create} returns an UNSTARTED Javalin app;
 * only {@code ServeCommand} starts it, tests run it with {@code JavalinTest} on port 0.
 *
 * <p>App-wide concerns live here: security headers on every response, one exception mapper,
 * one log line and one metric sample per request. A feature plugs in with one line in
 * {@link #features}.
 */
public final class WebApp {

    private WebApp() {
    }

    public static Javalin create(WebDeps deps) {
        List<WebFeature> features = features(deps);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.port = deps.config().web().port();
            config.http.maxRequestSize = 64 * 1024;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            new SecurityHeaders().register(config);
            new RequestLog(deps.metrics()).register(config);
            new ErrorHandling().register(config);
            features.forEach(feature -> feature.register(config));
        });
    }

    /** The features of the app, one line each. Add yours here. */
    private static List<WebFeature> features(WebDeps deps) {
        return List.of(
                new HealthController(deps.store()),
                new MetricsController(deps.metrics()),
                new SurveyFeature(deps),
                new InvitationApiController(deps));
    }
}
