package org.cskpi.analytics.period;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.cskpi.config.IsoWeek;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The weeks an analyze run computes and replaces: {@code [from, to]}, either end open.
 * ISO week strings compare like the weeks they name, so the bounds are string comparisons.
 */
public record WeekRange(Optional<String> from, Optional<String> to) implements WeekSelection {

    public static final WeekRange ALL = new WeekRange(Optional.empty(), Optional.empty());

    public WeekRange {
        from = from.map(IsoWeek::parse).map(IsoWeek::toString);
        to = to.map(IsoWeek::parse).map(IsoWeek::toString);
        if (from.isPresent() && to.isPresent() && from.get().compareTo(to.get()) > 0) {
            throw new IllegalArgumentException("--from " + from.get() + " is after --to " + to.get());
        }
    }

    @Override
    public boolean isAll() {
        return from.isEmpty() && to.isEmpty();
    }

    public boolean contains(String week) {
        return from.map(f -> week.compareTo(f) >= 0).orElse(true) && to.map(t -> week.compareTo(t) <= 0).orElse(true);
    }

    @Override
    public Column filter(String weekColumn) {
        Column result = lit(true);
        if (from.isPresent()) {
            result = result.and(col(weekColumn).geq(from.get()));
        }
        if (to.isPresent()) {
            result = result.and(col(weekColumn).leq(to.get()));
        }
        return result;
    }

    @Override
    public Condition condition(Field<String> week) {
        Condition condition = DSL.trueCondition();
        if (from.isPresent()) {
            condition = condition.and(week.ge(from.get()));
        }
        if (to.isPresent()) {
            condition = condition.and(week.le(to.get()));
        }
        return condition;
    }

    @Override
    public List<Span> spans() {
        return List.of(new Span(from.map(IsoWeek::parse), to.map(IsoWeek::parse)));
    }

    @Override
    public String toString() {
        return isAll() ? "every week with data" : from.orElse("first week") + " to " + to.orElse("last week");
    }
}
