package org.cskpi.web.survey;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import org.cskpi.config.CskpiConfig;
import org.cskpi.mail.survey.SurveyLocales;
import org.cskpi.mail.survey.SurveyTexts;
import org.cskpi.web.WebDeps;
import org.cskpi.web.WebFeature;
import org.cskpi.web.page.Pages;

/**
 * The public survey: routes under {@code /s/} and the invitation e-mail's unsubscribe link
 * under {@code /u/}, the per-address rate limit in front of them,
 * and the answer writer's lifecycle (stopped, after draining its queue, when the server stops).
 */
public final class SurveyFeature implements WebFeature {

    /**
     * Connections that read survey links' state. Reads are short and need CPU, not waiting,
     * so a few more than the cores keep every core busy; the store's pool holds 16.
     */
    static final int STATE_CONNECTIONS = 4;

    private final WebDeps deps;
    private final Pages pages;

    public SurveyFeature(WebDeps deps, Pages pages) {
        this.deps = deps;
        this.pages = pages;
    }

    @Override
    public void register(JavalinConfig config) {
        CskpiConfig.Survey settings = deps.config().survey();
        Duration editWindow = Duration.ofHours(settings.commentEditHours());
        AnswerWriter writer = new AnswerWriter(deps.store().dataSource(), deps.clock(), editWindow);
        StateReader reader = new StateReader(deps.store().dataSource(), STATE_CONNECTIONS);
        SurveyService service = new SurveyService(reader, writer, deps.clock(), editWindow, deps.metrics());
        SurveyPages surveyPages = new SurveyPages(settings.brand(), settings.commentEditHours(), pages);
        SurveyController survey = new SurveyController(service, surveyPages);
        UnsubscribeController unsubscribe = new UnsubscribeController(service,
                new Unsubscribes(deps.store().dsl(), deps.clock()), surveyPages);
        RateLimiter limiter = RateLimiter.perMinute(settings.rateLimitPerMinute());

        config.routes.before("/s/*", ctx -> limit(ctx, limiter, surveyPages));
        config.routes.get("/s/{token}", survey::show);
        config.routes.post("/s/{token}", survey::submit);
        config.routes.post("/s/{token}/comment", survey::editComment);
        config.routes.post("/s/{token}/score", survey::changeScore);
        config.routes.before("/u/*", ctx -> limit(ctx, limiter, surveyPages));
        config.routes.get("/u/{token}", unsubscribe::show);
        config.routes.post("/u/{token}", unsubscribe::unsubscribe);
        config.events.serverStopped(writer::close);
        config.events.serverStopped(reader::close);
    }

    private static void limit(Context ctx, RateLimiter limiter, SurveyPages pages) {
        if (!limiter.tryAcquire(ctx.ip())) {
            SurveyTexts texts = SurveyTexts.of(SurveyLocales.choose(null, ctx.header("Accept-Language")));
            ctx.header("Retry-After", Long.toString(limiter.secondsUntilNext()));
            SurveyPages.send(ctx.status(HttpStatus.TOO_MANY_REQUESTS), pages.notice(texts, "limited_heading", "limited_body"));
            ctx.skipRemainingHandlers();
        }
    }
}
