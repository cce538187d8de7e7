package org.cskpi.web;

import io.javalin.Javalin;
import java.util.List;
import org.cskpi.config.CskpiConfig;
import org.cskpi.web.api.ApiDeps;
import org.cskpi.web.api.ApiFeature;
import org.cskpi.web.api.ApiKey;
import org.cskpi.web.api.KpiQueries;
import org.cskpi.web.auth.AuthDeps;
import org.cskpi.web.auth.AuthFeature;
import org.cskpi.web.auth.LoginThrottle;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.invitation.InvitationApiController;
import org.cskpi.web.ops.ClientAddress;
import org.cskpi.web.ops.ErrorHandling;
import org.cskpi.web.ops.HealthController;
import org.cskpi.web.ops.MetricsController;
import org.cskpi.web.ops.RequestLog;
import org.cskpi.web.ops.SecurityHeaders;
import org.cskpi.web.page.Assets;
import org.cskpi.web.page.Pages;
import org.cskpi.web.query.QueryDeps;
import org.cskpi.web.query.QueryFeature;
import org.cskpi.web.query.SqlService;
import org.cskpi.web.report.ReportDeps;
import org.cskpi.web.report.ReportFeature;
import org.cskpi.web.survey.SurveyFeature;

/**
 * The web app, wired once (STYLE.md rule 6). {@link #create} returns an UNSTARTED Javalin app;
 * only {@code ServeCommand} starts it, tests run it with {@code JavalinTest} on port 0.
 *
 * <p>Everything the app does is a {@link WebFeature} built with its dependencies and listed once
 * in {@link #features}, app-wide concerns first: client address, security headers on every
 * response, one log line and one metric sample per request, one exception mapper, the static
 * files of every page.
 *
 * <p>Who may see what: the survey ({@code /s/...}), {@code /login}, {@code /health} and
 * {@code /metrics} are public (metrics hold only counts and latencies per route template,
 * nothing personal, and Prometheus scrapes without a session); {@code /} and
 * {@code /reports/...} need a manager, {@code /query} an analyst, {@code /admin/...} an admin;
 * {@code /api/kpis} takes the API key or a manager's session, {@code POST /api/invitations} the
 * API key; the API's description {@code /api/openapi.json} is public.
 */
public final class WebApp {

    /** The largest request body the app reads; a longer query gets the query page back with its first part (TooLongQuery). */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;

    private WebApp() {
    }

    public static Javalin create(WebDeps deps) {
        List<WebFeature> features = features(deps);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.port = deps.config().web().port();
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            features.forEach(feature -> feature.register(config));
        });
    }

    /** The features of the app, in the order they register, one line each. Add yours here. */
    private static List<WebFeature> features(WebDeps deps) {
        CskpiConfig.Web web = deps.config().web();
        Pages pages = new Pages();
        UserService users = new UserService(deps.store().dsl(), deps.hasher(), deps.clock());
        LoginThrottle throttle = new LoginThrottle(web.loginAttemptsPerMinute(), deps.clock());
        AuthFeature signIn = new AuthFeature(new AuthDeps(users, throttle, web.secureCookies()), pages);
        SessionAuth auth = signIn.auth();
        SqlService queries = new SqlService(deps.config().sqlServer(), web.queryTimeoutSeconds(), web.queryMaxRows());
        return List.of(
                new ClientAddress(web.trustForwardedFor()),
                new SecurityHeaders(web.secureCookies()),
                new RequestLog(deps.metrics()),
                new ErrorHandling(pages),
                new Assets(),
                new HealthController(deps.store()),
                new MetricsController(deps.metrics()),
                new SurveyFeature(deps, pages),
                new InvitationApiController(deps),
                signIn,
                new QueryFeature(new QueryDeps(auth, queries, deps.store().dsl(), deps.clock()), pages),
                new ApiFeature(new ApiDeps(new KpiQueries(deps.store().dsl()), new ApiKey(web.apiKey()), auth)),
                new ReportFeature(new ReportDeps(auth, deps.store().dsl(), deps.config(), deps.clock()), pages));
    }
}
