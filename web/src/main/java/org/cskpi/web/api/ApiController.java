package org.cskpi.web.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cskpi.web.auth.Role;

/**
 * {@code GET /api/kpis?week=2026-W47&breakdown=channel}: the week's {@code kpi_weekly} rows of
 * one breakdown as JSON; with {@code from=2026-W40&to=2026-W47} instead of {@code week}, those
 * weeks' rows, week by week ({@link KpiRequest}). {@code week} defaults to the week the report
 * page {@code /} shows ({@link KpiQueries#defaultWeek}), {@code breakdown} to {@code all}.
 * Callers present the API key ({@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}) or a
 * signed-in session (any role: managers read KPIs).
 */
final class ApiController {

    private final ApiDeps deps;

    ApiController(ApiDeps deps) {
        this.deps = deps;
    }

    void authenticate(Context ctx) {
        if (ctx.path().equals(OpenApiDocument.PATH)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        String given = presentedKey(ctx);
        if (given != null) {
            if (!deps.apiKey().matches(given)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new UnauthorizedResponse("Wrong API key.");
            }
            return;
        }
        boolean signedIn = deps.auth().currentUser(ctx).map(u -> u.role().includes(Role.MANAGER)).orElse(false);
        if (!signedIn) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Send the API key (Authorization: Bearer KEY or X-Api-Key) or sign in.");
        }
    }

    void kpis(Context ctx) {
        KpiRequest request;
        try {
            request = KpiRequest.of(ctx.queryParamMap());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        KpiRequest.Weeks weeks = request.weeks().or(() -> deps.kpis().defaultWeek().map(KpiRequest.Weeks::of))
                .orElseThrow(() -> new NotFoundResponse("The KPI store has no weeks yet."));
        Map<String, List<KpiRow>> rows = deps.kpis().rows(weeks.from(), weeks.to(), request.breakdown());
        String asked = weeks.range() ? "weeks " + weeks.from() + " to " + weeks.to() : "week " + weeks.from();
        if (rows.isEmpty()) {
            throw new NotFoundResponse("No KPIs for " + asked + " and breakdown " + request.breakdown().storedName()
                    + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (weeks.range()) {
            body.put("from", weeks.from().toString());
            body.put("to", weeks.to().toString());
            body.put("breakdown", request.breakdown().storedName());
            body.put("weeks", rows.entrySet().stream().map(w -> new KpiWeek(w.getKey(), w.getValue())).toList());
        } else {
            body.put("week", weeks.from().toString());
            body.put("breakdown", request.breakdown().storedName());
            body.put("rows", rows.get(weeks.from().toString()));
        }
        ctx.json(body);
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return ctx.header("X-Api-Key");
    }
}
