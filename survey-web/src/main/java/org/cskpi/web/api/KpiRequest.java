package org.cskpi.web.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.reports.data.IsoWeek;

/**
 * The query of {@code GET /api/kpis}, read from the request's parameters without a server. Each
 * parameter may be given once: of {@code breakdown=channel&breakdown=team} Javalin would quietly
 * keep the first, and the caller would get rows it did not ask for.
 *
 * @param week empty: the week the report page shows
 */
record KpiRequest(String breakdown, Optional<IsoWeek> week) {

    /** Parses the query parameters; a bad one is an {@link IllegalArgumentException} that says what to send. */
    static KpiRequest of(Map<String, List<String>> params) {
        String breakdown = single(params, "breakdown").orElse("all");
        if (!KpiQueries.BREAKDOWNS.contains(breakdown)) {
            throw new IllegalArgumentException("breakdown must be one of " + String.join(", ", KpiQueries.BREAKDOWNS));
        }
        return new KpiRequest(breakdown, single(params, "week").map(IsoWeek::parse));
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException("give " + name + " once (it was given " + values.size() + " times)");
        }
        return values.stream().findFirst();
    }
}
