package org.cskpi.web.report;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.export.CsvExport;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.web.auth.User;

/**
 * HTTP for the report pages: reads week and filters at the edge (bad text 400, a week without
 * KPIs 404), takes the page content from {@link ReportCache} (built by {@link ReportContent} when
 * missing) and frames it for the reader with {@link ReportPage}.
 */
final class ReportController {

    /** The longest channel or category the store keeps ({@code answer_tickets}). */
    private static final int MAX_VALUE_LENGTH = 255;

    private final ReportDeps deps;
    private final ReportChoices choices;
    private final ReportCache cache;
    private final ReportContent content;
    private final ReportPage page;

    ReportController(ReportDeps deps, ReportChoices choices, ReportContent content, ReportCache cache, ReportPage page) {
        this.deps = deps;
        this.choices = choices;
        this.content = content;
        this.cache = cache;
        this.page = page;
    }

    /** {@code GET /}: the latest complete week, or a note that there is nothing yet. */
    void home(Context ctx) {
        Optional<IsoWeek> week = choices.defaultWeek();
        User user = deps.auth().requireUser(ctx);
        if (week.isEmpty()) {
            ctx.html(page.empty(user, deps.auth().csrfToken(ctx)));
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

    /**
     * {@code GET /reports/{week}/charts/{chart}.csv}: the data behind one chart of the week's page
     * (with the page's channel or team filter), as {@code ./cskpi report --csv-dir} writes it.
     */
    void chartCsv(Context ctx) {
        IsoWeek week = parseWeek(ctx.pathParam("week"));
        String file = ctx.pathParam("chart");
        Filters filters = filters(ctx);
        if (!file.endsWith(".csv") || !choices.hasWeek(week)) {
            throw new NotFoundResponse("There is no such chart data for week " + week + ".");
        }
        String id = file.substring(0, file.length() - ".csv".length());
        ChartSpec chart = ReportBuilder.build(deps.dsl(), deps.config(), week, filters).charts().stream()
                .filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("Week " + week + " has no chart '" + id + "'."));
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-" + week + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(CsvExport.csv(chart.data()));
    }

    private void render(Context ctx, IsoWeek week) {
        Filters filters = filters(ctx);
        if (!choices.hasWeek(week)) {
            throw new NotFoundResponse("There are no KPIs for week " + week + ". Pick a week from the list.");
        }
        User user = deps.auth().requireUser(ctx);
        StoreVersion version = choices.storeVersion();
        String body = cache.get(new ReportCache.Key(week, filters), version.of(week),
                version.maxAgeNanos(week, ReportCache.MAX_AGE_NANOS), () -> content.render(week, filters));
        ctx.html(page.render(week, body, user, deps.auth().csrfToken(ctx)));
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
        return filters.withComments(commentFilter(ctx, "comments_channel"), commentFilter(ctx, "comments_category"));
    }

    /**
     * A detractor-comment filter value: any text (a week may have no comment with a value another
     * week has, so it is no error), given at most once and at most as long as the store keeps it.
     */
    private static Optional<String> commentFilter(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw new BadRequestResponse("Give " + name + " once (it was given " + values.size() + " times).");
        }
        Optional<String> value = values.stream().findFirst().map(String::strip);
        if (value.isPresent() && value.get().length() > MAX_VALUE_LENGTH) {
            throw new BadRequestResponse(name + " is longer than " + MAX_VALUE_LENGTH + " characters.");
        }
        return value;
    }

    private void known(Breakdown breakdown, Optional<String> value) {
        if (value.isPresent() && !choices.values(breakdown).contains(value.get())) {
            throw new BadRequestResponse("There is no " + breakdown.storedName() + " '" + value.get()
                    + "' in the KPI store.");
        }
    }
}
