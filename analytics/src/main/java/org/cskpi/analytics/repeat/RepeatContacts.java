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
import org.cskpi.store.kpi.Kpi;

/**
 * Repeat contacts (docs/kpis.md#repeat-contacts).
 *
 * <p>A ticket is a repeat contact when the same customer created another ticket in the same
 * category within {@code [created_at − window, created_at)}; the earlier ticket may be in any
 * week, channel or team. The window is a range frame over epoch <em>microseconds</em>
 * ({@code window_days × 86,400 × 10^6} preceding to 1 µs preceding): the same instant-based
 * "days" as in docs/kpis.md#seven-days (86,400 s each, also across DST) with the end excluded
 * exactly, even for timestamps with sub-second parts.
 */
public final class RepeatContacts {

    /** Tickets the ticket's customer created in the ticket's week (null without customer_id). */
    public static final String WEEK_TICKETS_OF_CUSTOMER = "week_tickets_of_customer";

    private static final long MICROS_PER_DAY = 86_400L * 1_000_000L;

    private RepeatContacts() {
    }

    /**
     * Adds {@code is_repeat_contact} to ticket facts (all tickets, every week): null when the
     * ticket has no customer_id. Run it before any week filter, so earlier weeks count.
     * Also adds {@link #WEEK_TICKETS_OF_CUSTOMER}. Both windows are partitioned within the
     * customer, so one shuffle by customer serves them.
     */
    public static Dataset<Row> withIsRepeatContact(Dataset<Row> facts, int windowDays) {
        Columns.require(facts, "ticket facts", "customer_id", "category", "created_at", "week");
        WindowSpec earlier = Window.partitionBy(col("customer_id"), col("category"))
                .orderBy(col("created_micros"))
                .rangeBetween(-windowDays * MICROS_PER_DAY, -1);
        WindowSpec sameWeek = Window.partitionBy(col("customer_id"), col("week"));
        return facts.repartition(col("customer_id"))
                .withColumn("created_micros", unix_micros(col("created_at")))
                .withColumn("is_repeat_contact",
                        when(col("customer_id").isNotNull(), count(lit(1)).over(earlier).gt(0)))
                .withColumn(WEEK_TICKETS_OF_CUSTOMER,
                        when(col("customer_id").isNotNull(), count(lit(1)).over(sameWeek)))
                .drop("created_micros");
    }

    /**
     * {@code repeat_contact_rate}: repeat contacts ÷ tickets created in the week that have a
     * customer_id; over ticket facts exploded by breakdown.
     */
    public static final KpiFamily CONTACTS = KpiFamily.of(List.of(
                    count(col("customer_id")).as("with_customer"),
                    sum(when(col("is_repeat_contact"), 1).otherwise(0)).as("repeats")),
            metric(Kpi.REPEAT_CONTACT_RATE, Tidy.ratio(col("repeats"), col("with_customer")), col("with_customer")));


    /**
     * {@code repeat_customer_rate}: customers with ≥ 2 tickets created in the week (in the
     * breakdown value) ÷ customers with a ticket in it. A customer with one ticket in the week
     * has one in each of its breakdown values, so only the few customers with several tickets
     * in the week need counting per customer; the rest are counted per breakdown value.
     */
    public static Dataset<Row> repeatCustomerKpis(Dataset<Row> exploded) {
        Columns.require(exploded, "exploded ticket facts", "customer_id", WEEK_TICKETS_OF_CUSTOMER);
        Column weekTickets = col(WEEK_TICKETS_OF_CUSTOMER);
        Dataset<Row> single = exploded.filter(weekTickets.equalTo(1)).groupBy(Breakdowns.KEYS)
                .agg(count(lit(1)).as("customers"), lit(0L).as("repeat_customers"));
        List<Column> perCustomerKeys = new ArrayList<>(Arrays.asList(Breakdowns.KEYS));
        perCustomerKeys.add(col("customer_id"));
        Dataset<Row> several = exploded.filter(weekTickets.gt(1))
                .groupBy(perCustomerKeys.toArray(Column[]::new)).agg(count(lit(1)).as("tickets"))
                .groupBy(Breakdowns.KEYS).agg(
                        count(lit(1)).as("customers"),
                        sum(when(col("tickets").geq(2), 1L).otherwise(0L)).as("repeat_customers"));
        Dataset<Row> customers = single.unionByName(several).groupBy(Breakdowns.KEYS).agg(
                sum(col("customers")).as("customers"), sum(col("repeat_customers")).as("repeat_customers"));
        return Tidy.unpivot(customers,
                metric(Kpi.REPEAT_CUSTOMER_RATE, Tidy.ratio(col("repeat_customers"), col("customers")), col("customers")));
    }

}
