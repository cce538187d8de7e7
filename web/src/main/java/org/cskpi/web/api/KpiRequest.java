package org.cskpi.web.api;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cskpi.config.IsoWeek;
import org.cskpi.store.kpi.Breakdown;

/**
 * The query of {@code GET /api/kpis}, read from the request's parameters without a server: one
 * {@code week}, or {@code from} and {@code to} (inclusive, at most {@link #MAX_WEEKS} weeks),
 * or neither. Each parameter may be given once: of {@code breakdown=channel&breakdown=team}
 * Javalin would quietly keep the first, and the caller would get rows it did not ask for.
 *
 * @param weeks empty: the week the report page shows
 */
record KpiRequest(Breakdown breakdown, Optional<Weeks> weeks) {

    /**
     * The longest span one call returns: a year (the longest ISO year has 53 weeks). The agent
     * breakdown, the largest, is about 75 KB of JSON a week, so a year stays under 4 MB.
     */
    static final int MAX_WEEKS = 53;

    /** Weeks {@code from} to {@code to}, both included; {@code range}: asked for with from/to, not week. */
    record Weeks(IsoWeek from, IsoWeek to, boolean range) {

        static Weeks of(IsoWeek week) {
            return new Weeks(week, week, false);
        }
    }

    /** Parses the query parameters; a bad one is an {@link IllegalArgumentException} that says what to send. */
    static KpiRequest of(Map<String, List<String>> params) {
        Breakdown breakdown = single(params, "breakdown").map(KpiRequest::breakdownNamed).orElse(Breakdown.ALL);
        Optional<IsoWeek> week = single(params, "week").map(IsoWeek::parse);
        Optional<IsoWeek> from = single(params, "from").map(IsoWeek::parse);
        Optional<IsoWeek> to = single(params, "to").map(IsoWeek::parse);
        if (week.isPresent() && (from.isPresent() || to.isPresent())) {
            throw new IllegalArgumentException("give week or from and to, not both");
        }
        if (from.isPresent() != to.isPresent()) {
            throw new IllegalArgumentException("from and to go together (weeks from..to, both included)");
        }
        if (from.isEmpty()) {
            return new KpiRequest(breakdown, week.map(Weeks::of));
        }
        return new KpiRequest(breakdown, Optional.of(span(from.get(), to.get())));
    }

    private static Breakdown breakdownNamed(String name) {
        return Breakdown.fromStoredName(name).orElseThrow(() -> new IllegalArgumentException("breakdown must be one of "
                + Arrays.stream(Breakdown.values()).map(Breakdown::storedName).collect(Collectors.joining(", "))));
    }

    private static Weeks span(IsoWeek from, IsoWeek to) {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        long weeks = ChronoUnit.WEEKS.between(from.monday(), to.monday()) + 1;
        if (weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " is " + weeks
                    + " weeks; one call returns at most " + MAX_WEEKS + " weeks");
        }
        return new Weeks(from, to, true);
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException("give " + name + " once (it was given " + values.size() + " times)");
        }
        return values.stream().findFirst();
    }
}
