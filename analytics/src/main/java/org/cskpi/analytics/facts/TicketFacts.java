package org.cskpi.analytics.facts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.businesstime.BusinessTime;
import org.cskpi.analytics.period.Weeks;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.ingest.canonical.Tickets;

/**
 * One row per canonical ticket with what the KPI families need (docs/kpis.md#ticket-kpis),
 * all durations in seconds between instants:
 *
 * <ul>
 *   <li>{@code channel} (null → {@code other}), {@code category} (trimmed, lower-cased with
 *       Locale.ROOT semantics, empty → {@code uncategorised}), team, agent_id kept as written;</li>
 *   <li>{@code week}, {@code previous_week}, {@code week_end} (instant), {@code created_weekday}
 *       (1 = Monday), {@code created_hour} — all in the business zone;</li>
 *   <li>{@code is_responded} (first response set and not after the cut-off), {@code frt_s},
 *       {@code frt_business_s}, {@code frt_target_s} (null for channels without a target);</li>
 *   <li>{@code is_resolved} (resolved_at set), {@code resolution_s}, {@code resolution_business_s},
 *       {@code full_resolution_s}; reopens and agent_replies as exported (null = unknown);</li>
 *   <li>{@code is_after_hours}: created outside business hours (closed days, holidays).</li>
 * </ul>
 */
public final class TicketFacts {

    private TicketFacts() {
    }

    public static Dataset<Row> prepare(Dataset<Row> tickets, FactSettings settings) {
        Columns.require(tickets, "tickets", Tickets.TICKET_ID, Tickets.SOURCE, Tickets.CUSTOMER_ID, Tickets.CHANNEL,
                Tickets.CATEGORY, Tickets.AGENT_ID, Tickets.TEAM, Tickets.LOCALE, Tickets.CREATED_AT,
                Tickets.FIRST_RESPONSE_AT, Tickets.RESOLVED_AT, Tickets.FINAL_RESOLVED_AT, Tickets.REOPENS,
                Tickets.AGENT_REPLIES);
        var zone = settings.clock().zone();
        Column created = col(Tickets.CREATED_AT);
        Column firstResponse = col(Tickets.FIRST_RESPONSE_AT);
        Column resolved = col(Tickets.RESOLVED_AT);
        Column responded = firstResponse.isNotNull().and(firstResponse.leq(lit(Timestamp.from(settings.cutOff()))));
        Column category = LowerCase.of(trim(col(Tickets.CATEGORY)));
        return tickets.select(
                col(Tickets.TICKET_ID), col(Tickets.SOURCE), col(Tickets.CUSTOMER_ID),
                coalesce(col(Tickets.CHANNEL), lit("other")).as("channel"),
                when(category.isNull().or(length(category).equalTo(0)), lit(Tickets.UNCATEGORISED))
                        .otherwise(category).as("category"),
                col(Tickets.TEAM), col(Tickets.AGENT_ID), col(Tickets.LOCALE).as("ticket_locale"),
                created, resolved, col(Tickets.REOPENS), col(Tickets.AGENT_REPLIES),
                Weeks.isoWeek(created, zone).as("week"),
                Weeks.previousIsoWeek(created, zone).as("previous_week"),
                Weeks.weekEnd(created, zone).as("week_end"),
                Weeks.isoWeekday(created, zone).as("created_weekday"),
                Weeks.hourOfDay(created, zone).as("created_hour"),
                responded.as("is_responded"),
                when(responded, seconds(created, firstResponse)).as("frt_s"),
                when(responded, BusinessTime.businessSeconds(settings.clock(), created, firstResponse)).as("frt_business_s"),
                target(settings.frtTargetSeconds()).as("frt_target_s"),
                resolved.isNotNull().as("is_resolved"),
                seconds(created, resolved).as("resolution_s"),
                BusinessTime.businessSeconds(settings.clock(), created, resolved).as("resolution_business_s"),
                seconds(created, col(Tickets.FINAL_RESOLVED_AT)).as("full_resolution_s"),
                not(BusinessTime.isOpenAt(settings.clock(), created)).as("is_after_hours"));
    }

    /** Seconds from {@code start} to {@code end} (instants, microsecond precision); null if either is null. */
    public static Column seconds(Column start, Column end) {
        return unix_micros(end).minus(unix_micros(start)).divide(1_000_000.0);
    }

    private static Column target(Map<String, Long> targets) {
        Column result = lit(null).cast("long");
        for (var entry : targets.entrySet()) {
            result = when(coalesce(col(Tickets.CHANNEL), lit("other")).equalTo(entry.getKey()), lit(entry.getValue()))
                    .otherwise(result);
        }
        return result;
    }
}
