package org.cskpi.analytics.repeat;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.analytics.tidy.Tidy.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.cskpi.analytics.tidy.Breakdowns;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.analytics.tidy.KpiFamily;
import org.cskpi.analytics.tidy.Tidy;

/**
 * Repeat contacts (KPIS.md, "Ticket KPIs").
 *
 * <p>A ticket is a repeat contact when the same customer created another ticket in the same
 * category within {@code [created_at − window, created_at)}; the earlier ticket may be in any
 * week, channel or team. The window is a range frame over epoch <em>microseconds</em>
 * ({@code window_days × 86,400 × 10^6} preceding to 1 µs preceding): the same instant-based
 * "days" as KPIS.md (86,400 s each, also across DST) with the end excluded exactly, even for
 * timestamps with sub-second parts.
 */
public final class RepeatContacts {

    private static final long MICROS_PER_DAY = 86_400L * 1_000_000L;

    private RepeatContacts() {
    }

    /**
     * Adds {@code is_repeat_contact} to ticket facts (all tickets, every week): null when the
     * ticket has no customer_id. Run it before any week filter, so earlier weeks count.
     */
    public static Dataset<Row> withIsRepeatContact(Dataset<Row> facts, int windowDays) {
        Columns.require(facts, "ticket facts", "customer_id", "category", "created_at");
        WindowSpec earlier = Window.partitionBy(col("customer_id"), col("category"))
                .orderBy(col("created_micros"))
                .rangeBetween(-windowDays * MICROS_PER_DAY, -1);
        return facts.withColumn("created_micros", unix_micros(col("created_at")))
                .withColumn("is_repeat_contact",
                        when(col("customer_id").isNotNull(), count(lit(1)).over(earlier).gt(0)))
                .drop("created_micros");
    }

    /**
     * {@code repeat_contact_rate}: repeat contacts ÷ tickets created in the week that have a
     * customer_id; over ticket facts exploded by breakdown.
     */
    public static final KpiFamily CONTACTS = KpiFamily.of(List.of(
                    count(col("customer_id")).as("with_customer"),
                    sum(when(col("is_repeat_contact"), 1).otherwise(0)).as("repeats")),
            metric("repeat_contact_rate", Tidy.ratio(col("repeats"), col("with_customer")), col("with_customer")));

    /** Both repeat KPIs, each from its own aggregation (as {@link #CONTACTS} and {@link #repeatCustomerKpis}). */
    public static Dataset<Row> repeatKpis(Dataset<Row> exploded) {
        Columns.require(exploded, "exploded ticket facts", "customer_id", "is_repeat_contact");
        return CONTACTS.kpis(exploded).unionByName(repeatCustomerKpis(exploded));
    }

    /**
     * {@code repeat_customer_rate}: customers with ≥ 2 tickets created in the week (in the
     * breakdown value) ÷ customers with a ticket in it. Needs a grouping per customer first, so
     * it cannot share the breakdown aggregation of the other ticket KPIs.
     */
    public static Dataset<Row> repeatCustomerKpis(Dataset<Row> exploded) {
        Columns.require(exploded, "exploded ticket facts", "customer_id");
        List<Column> perCustomerKeys = new ArrayList<>(Arrays.asList(Breakdowns.KEYS));
        perCustomerKeys.add(col("customer_id"));
        Dataset<Row> customers = exploded.filter(col("customer_id").isNotNull())
                .groupBy(perCustomerKeys.toArray(Column[]::new)).agg(count(lit(1)).as("tickets"))
                .groupBy(Breakdowns.KEYS).agg(
                        count(lit(1)).as("customers"),
                        sum(when(col("tickets").geq(2), 1).otherwise(0)).as("repeat_customers"));
        return Tidy.unpivot(customers,
                metric("repeat_customer_rate", Tidy.ratio(col("repeat_customers"), col("customers")), col("customers")));
    }

}
