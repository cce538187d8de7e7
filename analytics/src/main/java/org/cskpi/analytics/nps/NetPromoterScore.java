package org.cskpi.analytics.nps;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.cskpi.analytics.tidy.Tidy.metric;

import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.cskpi.analytics.period.Weeks;
import org.cskpi.analytics.tidy.Breakdowns;
import org.cskpi.analytics.tidy.Columns;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.store.kpi.Kpi;

/**
 * NPS (docs/kpis.md#nps). Answers are attributed to the week the customer answered (business
 * zone); their breakdowns come from the ticket behind the answer (channel, category, team,
 * agent, FRT bucket), plus the answer's locale. Answers without a matching ticket count in
 * {@code all} and {@code locale} only.
 */
public final class NetPromoterScore {

    private NetPromoterScore() {
    }

    /**
     * Joins answers to their tickets by ticket_id (and source, when the answer came through an
     * invitation, which knows it); adds week, week_end, channel, category, team, agent_id,
     * frt_bucket (null without a ticket). An imported answer whose ticket_id exists in several
     * sources takes one of them, deterministically (lowest source name).
     */
    public static Dataset<Row> withTicketBreakdowns(Dataset<Row> answers, Dataset<Row> ticketFacts, ZoneId zone,
                                                    String timeColumn) {
        Columns.require(ticketFacts, "ticket facts", "ticket_id", "source", "channel", "category", "team", "agent_id",
                "is_responded", "frt_s");
        Columns.require(answers, "answers", "ticket_id", "source", timeColumn);
        Dataset<Row> tickets = ticketFacts.select(col("ticket_id").as("t_ticket_id"), col("source").as("t_source"),
                col("channel"), col("category"), col("team"), col("agent_id"), frtBucket().as("frt_bucket"));
        Column matches = col("ticket_id").equalTo(col("t_ticket_id"))
                .and(col("source").isNull().or(col("source").equalTo(col("t_source"))));
        Column time = col(timeColumn);
        return answers.withColumn("answer_key", monotonically_increasing_id())
                .join(tickets, matches, "left")
                .withColumn("match_rank", row_number().over(Window.partitionBy(col("answer_key")).orderBy(col("t_source"))))
                .filter(col("match_rank").equalTo(1))
                .drop("answer_key", "match_rank", "t_ticket_id", "t_source")
                .withColumn("week", Weeks.isoWeek(time, zone))
                .withColumn("week_end", Weeks.weekEnd(time, zone));
    }

    /** FRT bucket (docs/kpis.md#nps-breakdowns-and-frt-buckets): ≤1m, 1m-1h, 1h-4h, 4h-24h, >24h, no_response. */
    static Column frtBucket() {
        Column frt = col("frt_s");
        return when(frt.isNull().or(col("is_responded").equalTo(false)), lit("no_response"))
                .when(frt.leq(60), lit("≤1m"))
                .when(frt.leq(3_600), lit("1m-1h"))
                .when(frt.leq(14_400), lit("1h-4h"))
                .when(frt.leq(86_400), lit("4h-24h"))
                .otherwise(lit(">24h"));
    }

    /**
     * nps = 100 × (promoters − detractors) ÷ answers (unrounded); the counts; margin of error
     * 1.96 × 100 × sqrt((p + d − (p − d)²) ÷ n). Sample size: the answers.
     */
    public static Dataset<Row> npsKpis(Dataset<Row> explodedAnswers) {
        Columns.require(explodedAnswers, "exploded answers", "score");
        Column score = col("score");
        Dataset<Row> counts = explodedAnswers.groupBy(Breakdowns.KEYS).agg(
                count(lit(1)).as("n"),
                sum(when(score.geq(9), 1).otherwise(0)).as("promoters"),
                sum(when(score.between(7, 8), 1).otherwise(0)).as("passives"),
                sum(when(score.leq(6), 1).otherwise(0)).as("detractors"));
        Column n = col("n");
        Column p = Tidy.ratio(col("promoters"), n);
        Column d = Tidy.ratio(col("detractors"), n);
        return Tidy.unpivot(counts,
                metric(Kpi.NPS, p.minus(d).multiply(100), n),
                metric(Kpi.NPS_RESPONSES, n, n),
                metric(Kpi.NPS_PROMOTERS, col("promoters"), n),
                metric(Kpi.NPS_PASSIVES, col("passives"), n),
                metric(Kpi.NPS_DETRACTORS, col("detractors"), n),
                metric(Kpi.NPS_MARGIN_OF_ERROR,
                        sqrt(p.plus(d).minus(pow(p.minus(d), 2)).divide(n.cast("double"))).multiply(1.96 * 100), n));
    }

    /**
     * nps_response_rate: answers to invitations sent in the week ÷ invitations sent in the
     * week (the invitation's week); sample size: invitations sent. No row for weeks that sent none.
     */
    public static Dataset<Row> responseRateKpis(Dataset<Row> explodedInvitations) {
        Columns.require(explodedInvitations, "exploded invitations", "is_answered");
        Dataset<Row> counts = explodedInvitations.groupBy(Breakdowns.KEYS).agg(
                count(lit(1)).as("sent"),
                sum(when(coalesce(col("is_answered"), lit(false)), 1).otherwise(0)).as("answered"));
        return Tidy.unpivot(counts,
                metric(Kpi.NPS_RESPONSE_RATE, Tidy.ratio(col("answered"), col("sent")), col("sent")));
    }
}
