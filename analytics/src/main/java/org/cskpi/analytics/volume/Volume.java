package org.cskpi.analytics.volume;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.analytics.tidy.Tidy.metric;

import java.util.List;
import org.cskpi.analytics.tidy.KpiFamily;
import org.cskpi.store.kpi.Kpi;

/**
 * Counts over the week's cohort (docs/kpis.md#ticket-kpis): {@code volume} (tickets created in
 * the week) and {@code unanswered} (created in the week, first response null or after the
 * cut-off; a ticket solved without any reply counts). Both have the cohort as sample size,
 * so a week where every ticket was answered has {@code unanswered} = 0 (a real count).
 */
public final class Volume {

    private Volume() {
    }

    /** Over ticket facts exploded by breakdown (needs is_responded). */
    public static final KpiFamily FAMILY = KpiFamily.of(List.of(
                    count(lit(1)).as("tickets"),
                    sum(when(not(col("is_responded")), 1).otherwise(0)).as("unanswered")),
            metric(Kpi.VOLUME, col("tickets"), col("tickets")),
            metric(Kpi.UNANSWERED, col("unanswered"), col("tickets")));

}
