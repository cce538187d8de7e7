package org.cskpi.analytics.complaints;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.analytics.tidy.Tidy;

/**
 * The {@code top_complaints} table (docs/kpis.md#top-complaints): every category of the week with
 * its tickets, share of the week's volume, change against the previous ISO week
 * ({@code (this − previous) ÷ previous}, null when previous is 0) and its repeat contact rate
 * (null when none of its tickets has a customer_id). Order (tickets desc, then name) is the
 * reader's: a table has none.
 */
public final class TopComplaints {

    private TopComplaints() {
    }

    /** Input: ticket facts with is_repeat_contact, all weeks (the previous week is needed). */
    public static Dataset<Row> topComplaints(Dataset<Row> facts) {
        Columns.require(facts, "ticket facts", "week", "previous_week", "category", "customer_id", "is_repeat_contact");
        Dataset<Row> perCategory = facts.groupBy(col("week"), col("previous_week"), col("category")).agg(
                count(lit(1)).as("tickets"),
                count(col("customer_id")).as("with_customer"),
                sum(when(col("is_repeat_contact"), 1).otherwise(0)).as("repeats"));
        Dataset<Row> volume = facts.groupBy(col("week").as("volume_week")).agg(count(lit(1)).as("volume"));
        Dataset<Row> previous = perCategory.select(col("week").as("p_week"), col("category").as("p_category"),
                col("tickets").as("previous_tickets"));
        return perCategory
                .join(volume, col("week").equalTo(col("volume_week")))
                .join(previous, col("previous_week").equalTo(col("p_week"))
                        .and(col("category").equalTo(col("p_category"))), "left")
                .select(col("week"), col("category"), col("tickets"),
                        Tidy.ratio(col("tickets"), col("volume")).as("share"),
                        when(col("previous_tickets").gt(0), col("tickets").minus(col("previous_tickets"))
                                .divide(col("previous_tickets"))).as("change_vs_previous"),
                        when(col("with_customer").gt(0), Tidy.ratio(col("repeats"), col("with_customer")))
                                .as("repeat_contact_rate"));
    }
}
