package org.cskpi.web.report;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.ReportAssets;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.web.auth.User;

/**
 * HTTP for the report pages: reads week and filters at the edge (bad text 400, a week without
 * KPIs 404), takes the page content from {@link ReportCache} (built by {@link ReportContent} when
 * missing) and frames it for the reader with {@link ReportPage}.
 */
final class ReportController {

    static final String ASSET_BASE = "/assets/report";
    private static final List<String> ASSETS = List.of(ReportAssets.ECHARTS, ReportAssets.STARTER, ReportAssets.STYLESHEET);

    private final ReportDeps deps;
    private final ReportChoices choices;
    private final ReportCache cache;
    private final ReportContent content;
    /** The three files, read once: ECharts is ~1 MB and never changes while the app runs. */
    private final Map<String, byte[]> assets;

    ReportController(ReportDeps deps, ReportChoices choices, ReportContent content, ReportCache cache) {
        this.deps = deps;
        this.choices = choices;
        this.content = content;
        this.cache = cache;
        this.assets = ASSETS.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                name -> name, name -> ReportAssets.content(name).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code GET /}: the latest complete week, or a note that there is nothing yet. */
    void home(Context ctx) {
        Optional<IsoWeek> week = choices.defaultWeek();
        User user = deps.auth().requireUser(ctx);
        if (week.isEmpty()) {
            ctx.html(ReportPage.empty(user, deps.auth().csrfToken(ctx)));
            return;
        }
        render(ctx, week.get());
    }

    /** {@code GET /reports?week=...&channel=...}: where the week picker's plain GET form lands. */
    void pick(Context ctx) {
        String text = ctx.queryParam("week");
        IsoWeek week = text == null || text.isBlank()
                ? choices.defaultWeek().orElseThrow(() -> new NotFoundResponse("The KPI store has no weeks yet."))
                : parseWeek(text);
        ctx.redirect(ReportPage.href(week, filters(ctx)), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /reports/{week}}. */
    void show(Context ctx) {
        render(ctx, parseWeek(ctx.pathParam("week")));
    }

    /** {@code GET /assets/report/{asset}}: ECharts, the chart starter or the report CSS. */
    void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        byte[] content = assets.get(name);
        if (content == null) {
            throw new NotFoundResponse("No such file.");
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(ReportAssets.contentType(name)).result(content);
    }

    private void render(Context ctx, IsoWeek week) {
        Filters filters = filters(ctx);
        if (!choices.hasWeek(week)) {
            throw new NotFoundResponse("There are no KPIs for week " + week + ". Pick a week from the list.");
        }
        User user = deps.auth().requireUser(ctx);
        StoreVersion version = choices.storeVersion();
        String page = cache.get(new ReportCache.Key(week, filters), version.of(week),
                version.maxAgeNanos(week, ReportCache.MAX_AGE_NANOS), () -> content.render(week, filters));
        ctx.html(ReportPage.render(week, page, user, deps.auth().csrfToken(ctx)));
    }

    private static IsoWeek parseWeek(String text) {
        try {
            return IsoWeek.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /** {@code channel} or {@code team} (blank = whole operation), each one the store knows. */
    private Filters filters(Context ctx) {
        Optional<String> channel = Optional.ofNullable(ctx.queryParam("channel")).map(String::strip);
        Optional<String> team = Optional.ofNullable(ctx.queryParam("team")).map(String::strip);
        Filters filters;
        try {
            filters = new Filters(channel, team);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage() + ".");
        }
        known(Breakdown.CHANNEL, filters.channel());
        known(Breakdown.TEAM, filters.team());
        return filters;
    }

    private void known(Breakdown breakdown, Optional<String> value) {
        if (value.isPresent() && !choices.values(breakdown).contains(value.get())) {
            throw new BadRequestResponse("There is no " + breakdown.storedName() + " '" + value.get()
                    + "' in the KPI store.");
        }
    }
}
