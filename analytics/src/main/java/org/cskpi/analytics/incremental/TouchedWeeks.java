package org.cskpi.analytics.incremental;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.cskpi.analytics.period.WeekSelection;
import org.cskpi.config.IsoWeek;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The weeks an incremental run recomputes (docs/kpis.md#incremental-runs): some single weeks,
 * and every week from {@code openFrom} on (a ticket that became or stopped being backlog for
 * good, incomplete flags after the cut-off moved). Week strings are canonical {@code YYYY-Www},
 * which sort like the weeks they name.
 */
public record TouchedWeeks(SortedSet<String> weeks, Optional<String> openFrom) implements WeekSelection {

    public static final TouchedWeeks NONE = new TouchedWeeks(new TreeSet<>(), Optional.empty());

    public TouchedWeeks {
        weeks = new TreeSet<>(weeks);
        openFrom = openFrom.map(IsoWeek::parse).map(IsoWeek::toString);
        String from = openFrom.orElse(null);
        weeks.forEach(IsoWeek::parse);
        if (from != null) {
            weeks.removeIf(week -> week.compareTo(from) >= 0);
        }
    }

    public static TouchedWeeks of(Collection<String> weeks, Optional<String> openFrom) {
        return new TouchedWeeks(new TreeSet<>(weeks), openFrom);
    }

    public TouchedWeeks plus(TouchedWeeks other) {
        TreeSet<String> all = new TreeSet<>(weeks);
        all.addAll(other.weeks);
        Optional<String> from = openFrom.isEmpty() ? other.openFrom
                : other.openFrom.isEmpty() ? openFrom
                : Optional.of(openFrom.get().compareTo(other.openFrom.get()) <= 0 ? openFrom.get() : other.openFrom.get());
        return new TouchedWeeks(all, from);
    }

    public boolean isEmpty() {
        return weeks.isEmpty() && openFrom.isEmpty();
    }

    public boolean contains(String week) {
        return weeks.contains(week) || openFrom.map(from -> week.compareTo(from) >= 0).orElse(false);
    }

    @Override
    public boolean isAll() {
        return false;
    }

    @Override
    public Column filter(String weekColumn) {
        Column single = weeks.isEmpty() ? lit(false) : col(weekColumn).isin(weeks.toArray());
        return openFrom.map(from -> single.or(col(weekColumn).geq(from))).orElse(single);
    }

    @Override
    public Condition condition(Field<String> week) {
        Condition single = weeks.isEmpty() ? DSL.falseCondition() : week.in(weeks);
        return openFrom.map(from -> single.or(week.ge(from))).orElse(single);
    }

    @Override
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        IsoWeek start = null;
        IsoWeek last = null;
        for (String text : weeks) {
            IsoWeek week = IsoWeek.parse(text);
            if (last != null && !last.next().equals(week)) {
                spans.add(new Span(Optional.of(start), Optional.of(last)));
                start = null;
            }
            start = start == null ? week : start;
            last = week;
        }
        if (last != null) {
            spans.add(new Span(Optional.of(start), Optional.of(last)));
        }
        openFrom.ifPresent(from -> spans.add(new Span(Optional.of(IsoWeek.parse(from)), Optional.empty())));
        return spans;
    }

    /**
     * For the run's message: "3 weeks (2026-W45..W47)", "4 weeks (2026-W30, 2026-W45..W47)";
     * an open end counts and shows the weeks up to {@code lastWeek} (the last week with data).
     */
    public String describe(IsoWeek lastWeek) {
        List<String> parts = new ArrayList<>();
        long count = 0;
        for (Span span : spans()) {
            IsoWeek from = span.from().orElseThrow();
            IsoWeek to = span.to().orElse(lastWeek);
            if (to.compareTo(from) < 0) {
                continue;
            }
            count += java.time.temporal.ChronoUnit.WEEKS.between(from.monday(), to.monday()) + 1;
            parts.add(from.equals(to) ? from.toString()
                    : from + ".." + (from.year() == to.year() ? to.toString().substring(5) : to.toString()));
        }
        return count + (count == 1 ? " week" : " weeks") + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    @Override
    public String toString() {
        return spans().stream().map(span -> span.from().orElseThrow() + ".." + span.to().map(IsoWeek::toString).orElse(""))
                .collect(java.util.stream.Collectors.joining(", ", "weeks ", ""));
    }
}
