package org.cskpi.analytics.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The three outputs of analyze, in the column order of the store tables:
 * kpi_weekly (week, breakdown, breakdown_value, kpi, value, sample_size, small_sample, incomplete),
 * busiest_hours (week, weekday, hour, tickets) and
 * top_complaints (week, category, tickets, share, change_vs_previous, repeat_contact_rate), and
 * answer_tickets (response_id, channel, category; store only, not kept in the warehouse).
 */
public record KpiTables(Dataset<Row> kpiWeekly, Dataset<Row> busiestHours, Dataset<Row> topComplaints,
                        Dataset<Row> answerTickets) {
}
