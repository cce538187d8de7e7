package org.cskpi.analytics.incremental;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.cskpi.analytics.backlog.Backlog;
import org.cskpi.analytics.period.Weeks;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.config.IsoWeek;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.merge.TicketChanges;
import org.cskpi.ingest.merge.TicketMerge;

/**
 * Which weeks' KPIs can differ from what the last full or incremental run published, given what
 * changed since (docs/kpis.md#incremental-runs). Every rule over-approximates: a week in doubt
 * is recomputed. Weeks are computed as the local Monday dates of the business zone, as intervals
 * {@code [from_monday, to_monday]} ({@code to_monday} null = every later week).
 */
public final class ChangedWeeks {

    private static final long MICROS_PER_DAY = 86_400L * 1_000_000L;

    /** What changed, as the run reports it, and the weeks it touches. */
    public record Result(TouchedWeeks weeks, long tickets, long answers, long invitations, boolean cutOffMoved) {
    }

    /** What the run reads now: tickets (Tickets.SCHEMA), SurveyData's responses and invitations. */
    public record Inputs(Dataset<Row> tickets, Dataset<Row> responses, Dataset<Row> invitations) {
    }

    /** The baseline's survey ids and cut-off, the settings that place instants in weeks. */
    public record Since(Optional<Long> answersMaxId, Optional<Long> invitationsMaxId, Instant cutOff) {
    }

    private final ZoneId zone;
    private final int windowDays;

    public ChangedWeeks(ZoneId zone, int windowDays) {
        this.zone = zone;
        this.windowDays = windowDays;
    }

    /** {@code pending}: the ticket_changes rows of the ingest runs since the baseline. */
    public Result touched(Dataset<Row> pending, Inputs in, Since since, Instant cutOff) {
        Columns.require(pending, "ticket_changes", Tickets.SOURCE, Tickets.TICKET_ID,
                TicketChanges.INGEST_RUN_ID, TicketChanges.CHANGE);
        Dataset<Row> changed = changedTickets(pending, in.tickets()).persist();
        try {
            Instant earlier = since.cutOff().isBefore(cutOff) ? since.cutOff() : cutOff;
            Instant later = since.cutOff().isBefore(cutOff) ? cutOff : since.cutOff();
            // A first response between the two cut-offs turned from "no response" into one (or back).
            Dataset<Row> crossed = in.tickets().where(col(Tickets.FIRST_RESPONSE_AT).gt(lit(Timestamp.from(earlier)))
                    .and(col(Tickets.FIRST_RESPONSE_AT).leq(lit(Timestamp.from(later)))));
            Dataset<Row> newAnswers = since.answersMaxId().map(id -> in.responses().where(col("response_id").gt(id)))
                    .orElse(in.responses());
            Dataset<Row> newInvitations = since.invitationsMaxId()
                    .map(id -> in.invitations().where(col("invitation_id").gt(id))).orElse(in.invitations());
            Dataset<Row> ticketIds = changed.select(col("ticket_id"))
                    .unionByName(crossed.select(col(Tickets.TICKET_ID).as("ticket_id"))).distinct();
            List<Dataset<Row>> intervals = List.of(ticketIntervals(changed),
                    single(crossed.select(col(Tickets.CREATED_AT).as("at"))),
                    single(in.responses().join(ticketIds, "ticket_id").select(col("answered_at").as("at"))),
                    single(in.invitations().join(ticketIds, "ticket_id").select(col("sent_at").as("at"))),
                    single(newAnswers.select(col("answered_at").as("at"))),
                    single(newAnswers.join(in.invitations().select(col("invitation_id"), col("sent_at")), "invitation_id")
                            .select(col("sent_at").as("at"))),
                    single(newInvitations.select(col("sent_at").as("at"))));
            Dataset<Row> all = intervals.stream().reduce(Dataset::unionByName).orElseThrow();
            TouchedWeeks weeks = weeks(all);
            boolean moved = !earlier.equals(later);
            if (moved) {
                // Incomplete flags: a week's flags depend on whether its end (+ 7 days for
                // resolution_rate_7d) is after the cut-off; those weeks start at the one
                // containing the earlier cut-off − 7 days (docs/kpis.md#incomplete-weeks).
                weeks = weeks.plus(TouchedWeeks.of(List.of(),
                        Optional.of(IsoWeek.containing(earlier.minusSeconds(7 * 86_400L), zone).toString())));
            }
            return new Result(weeks, changed.count(), newAnswers.count(), newInvitations.count(), moved);
        } finally {
            changed.unpersist();
        }
    }

    /**
     * One row per ticket changed since the baseline: its version then ({@code before_*}, the
     * earliest pending log row: the version the baseline read) and now ({@code created_at},
     * {@code resolved_at}, the breakdown columns).
     */
    static Dataset<Row> changedTickets(Dataset<Row> pending, Dataset<Row> tickets) {
        Dataset<Row> first = pending.withColumn("rank", row_number().over(Window
                        .partitionBy(col(Tickets.SOURCE), col(Tickets.TICKET_ID)).orderBy(col(TicketChanges.INGEST_RUN_ID))))
                .where(col("rank").equalTo(1)).drop("rank");
        Dataset<Row> now = tickets.select(col(Tickets.SOURCE), col(Tickets.TICKET_ID), col(Tickets.CREATED_AT),
                col(Tickets.RESOLVED_AT), col(Tickets.CHANNEL), col(Tickets.CATEGORY), col(Tickets.TEAM),
                col(Tickets.AGENT_ID));
        return first.join(now, scala(List.of(Tickets.SOURCE, Tickets.TICKET_ID)), "left");
    }

    /**
     * Per changed ticket and version (then, now): its creation week and the weeks after it that
     * its repeat-contact window reaches, with the next week (top complaints compares with the
     * previous week); and the backlog weeks that differ between the versions.
     */
    private Dataset<Row> ticketIntervals(Dataset<Row> changed) {
        Column existed = col(TicketChanges.CHANGE).equalTo(lit(TicketMerge.UPDATED));
        Column beforeCreated = col(TicketMerge.before(Tickets.CREATED_AT));
        Column nowCreated = col(Tickets.CREATED_AT);
        Column sameWeeksAndValues = nullSafeEqual(beforeCreated, nowCreated)
                .and(nullSafeEqual(col(TicketMerge.before(Tickets.CHANNEL)), col(Tickets.CHANNEL)))
                .and(nullSafeEqual(col(TicketMerge.before(Tickets.CATEGORY)), col(Tickets.CATEGORY)))
                .and(nullSafeEqual(col(TicketMerge.before(Tickets.TEAM)), col(Tickets.TEAM)))
                .and(nullSafeEqual(col(TicketMerge.before(Tickets.AGENT_ID)), col(Tickets.AGENT_ID)));
        Column closedBefore = closingMonday(beforeCreated, col(TicketMerge.before(Tickets.RESOLVED_AT)));
        Column closedNow = closingMonday(nowCreated, col(Tickets.RESOLVED_AT));
        Column eitherOpen = closedBefore.isNull().or(closedNow.isNull());
        // Backlog (docs/kpis.md#backlog): a version counts from its creation week until the week it
        // closes. Same creation and values: only the weeks between the two closings differ; else
        // every week either version counted in. A version that never closes reaches every later week.
        // least() skips nulls: with one version open, the other's closing week starts the difference.
        Column backlogFrom = when(existed.and(sameWeeksAndValues), least(closedBefore, closedNow))
                .when(existed, least(monday(beforeCreated), monday(nowCreated)))
                .otherwise(monday(nowCreated));
        Column backlogTo = when(existed, when(eitherOpen, lit(null).cast("date")).otherwise(greatest(closedBefore, closedNow)))
                .otherwise(closedNow);
        Column backlogChanged = existed.and(sameWeeksAndValues).and(nullSafeEqual(closedBefore, closedNow)).unary_$bang();
        Dataset<Row> backlog = changed.where(backlogChanged)
                .select(backlogFrom.as("from_monday"), backlogTo.as("to_monday"));
        return cohort(changed.where(existed).select(beforeCreated.as("at")))
                .unionByName(cohort(changed.select(nowCreated.as("at"))))
                .unionByName(backlog);
    }

    /** The creation week to the last week its repeat-contact window or top-complaint comparison reaches. */
    private Dataset<Row> cohort(Dataset<Row> at) {
        Column created = col("at");
        Column windowEnd = timestamp_micros(unix_micros(created).plus(lit(windowDays * MICROS_PER_DAY)));
        return at.where(created.isNotNull()).select(monday(created).as("from_monday"),
                greatest(date_add(monday(created), 7), monday(windowEnd)).as("to_monday"));
    }

    /** The one week of each instant. */
    private Dataset<Row> single(Dataset<Row> at) {
        return at.where(col("at").isNotNull()).select(monday(col("at")).as("from_monday"),
                monday(col("at")).as("to_monday"));
    }

    /** The Monday of the week a version's backlog ends in (exclusive), as the Backlog family counts it; null while unresolved. */
    private Column closingMonday(Column created, Column resolved) {
        return when(resolved.isNotNull(), greatest(monday(created), monday(Backlog.justBefore(resolved))));
    }

    private Column monday(Column instant) {
        return Weeks.mondayOf(instant, zone);
    }

    private static Column nullSafeEqual(Column a, Column b) {
        return a.eqNullSafe(b);
    }

    /** Collects the intervals: single weeks on the driver, the earliest open start as {@code openFrom}. */
    private static TouchedWeeks weeks(Dataset<Row> intervals) {
        Dataset<Row> known = intervals.where(col("from_monday").isNotNull()).persist();
        try {
            Row open = known.where(col("to_monday").isNull()).agg(min(col("from_monday"))).first();
            Optional<String> openFrom = open.isNullAt(0) ? Optional.empty()
                    : Optional.of(IsoWeek.containing(localDate(open.get(0))).toString());
            List<String> weeks = new ArrayList<>();
            known.where(col("to_monday").isNotNull())
                    .select(explode(sequence(col("from_monday"), greatest(col("from_monday"), col("to_monday")),
                            expr("interval 7 days"))).as("monday"))
                    .select(Weeks.isoWeekOfMonday(col("monday")).as("week")).distinct()
                    .collectAsList().forEach(row -> weeks.add(row.getString(0)));
            return TouchedWeeks.of(weeks, openFrom);
        } finally {
            known.unpersist();
        }
    }

    /** A Spark date value, whichever Java type the session returns. */
    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static scala.collection.immutable.Seq<String> scala(List<String> names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(names).toSeq();
    }
}
