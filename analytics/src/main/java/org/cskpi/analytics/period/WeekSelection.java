package org.cskpi.analytics.period;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.cskpi.config.IsoWeek;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * The weeks an analyze run computes and replaces, in the warehouse and in the store: a
 * {@link WeekRange} ({@code --from/--to}, or every week) or the weeks an incremental run found
 * touched ({@code org.cskpi.analytics.incremental.TouchedWeeks}).
 */
public interface WeekSelection {

    /** Every week with data: the new version replaces the whole table. */
    boolean isAll();

    /** A Spark filter on a {@code week} column (ISO week strings). */
    Column filter(String weekColumn);

    /** The same filter on a store column. */
    Condition condition(Field<String> week);

    /** The selection as runs of consecutive weeks, in order; empty ends are open. */
    List<Span> spans();

    /** Weeks {@code from} to {@code to}, inclusive; an empty end is open. */
    record Span(Optional<IsoWeek> from, Optional<IsoWeek> to) {
    }
}
