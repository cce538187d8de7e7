package org.cskpi.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.backlog.Backlog;
import org.cskpi.analytics.busiest.BusiestHours;
import org.cskpi.analytics.complaints.TopComplaints;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.facts.TicketFacts;
import org.cskpi.analytics.frt.FirstResponse;
import org.cskpi.analytics.nps.NetPromoterScore;
import org.cskpi.analytics.period.WeekSelection;
import org.cskpi.analytics.repeat.RepeatContacts;
import org.cskpi.analytics.resolution.Resolution;
import org.cskpi.analytics.tidy.Breakdowns;
import org.cskpi.analytics.tidy.KpiFamily;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.analytics.volume.Volume;

/**
 * Composes the KPI families into the three output tables: read → pure transformations. The
 * caller persists {@link #facts} if it evaluates the outputs more than once.
 */
public final class KpiComputation {

    /** The ticket KPIs that share one aggregation of the exploded facts. */
    private static final KpiFamily TICKET_KPIS = KpiFamily.combine(Volume.FAMILY, FirstResponse.FAMILY,
            Resolution.FAMILY, RepeatContacts.CONTACTS, BusiestHours.AFTER_HOURS);

    private final Dataset<Row> facts;
    private final Dataset<Row> allFacts;
    private final Dataset<Row> responses;
    private final Dataset<Row> invitations;
    private final FactSettings settings;
    private final WeekSelection weeks;

    /**
     * @param tickets     canonical tickets (Tickets.SCHEMA), every week: repeat contacts and
     *                    backlog look back before the weeks computed
     * @param responses   survey answers (SurveyData.RESPONSES)
     * @param invitations survey invitations (SurveyData.INVITATIONS)
     * @param weeks       the weeks to compute
     */
    public KpiComputation(Dataset<Row> tickets, Dataset<Row> responses, Dataset<Row> invitations,
                          FactSettings settings, WeekSelection weeks) {
        Dataset<Row> prepared = TicketFacts.prepare(tickets, settings);
        Dataset<Row> cohort = weeks.isAll() ? prepared : prepared.where(createdNear(weeks, settings));
        this.facts = RepeatContacts.withIsRepeatContact(cohort, settings.repeatWindowDays());
        this.allFacts = weeks.isAll() ? facts : prepared;
        this.responses = responses;
        this.invitations = invitations;
        this.settings = settings;
        this.weeks = weeks;
    }

    /**
     * Ticket facts with is_repeat_contact, one row per ticket: every ticket when every week is
     * computed, else the tickets the chosen weeks' cohort KPIs need (see {@link #createdNear}).
     */
    public Dataset<Row> facts() {
        return facts;
    }

    /**
     * Tickets created in a chosen week or within the look-back before it: the repeat-contact
     * window (docs/kpis.md#repeat-contacts) and the previous week that top complaints compare
     * with (8 days: a week lasts up to 169 h). The cohort KPIs of a chosen week then see every
     * ticket they depend on; the other weeks' values come out wrong and are filtered away.
     * Backlog and NPS look at every ticket (docs/kpis.md#incremental-runs).
     */
    static Column createdNear(WeekSelection weeks, FactSettings settings) {
        ZoneId zone = settings.clock().zone();
        Duration lookBack = Duration.ofDays(Math.max(settings.repeatWindowDays(), 8));
        Column created = col("created_at");
        Column near = lit(false);
        for (WeekSelection.Span span : weeks.spans()) {
            Column inSpan = lit(true);
            if (span.from().isPresent()) {
                inSpan = inSpan.and(created.geq(lit(Timestamp.from(span.from().get().start(zone).minus(lookBack)))));
            }
            if (span.to().isPresent()) {
                inSpan = inSpan.and(created.lt(lit(Timestamp.from(span.to().get().end(zone)))));
            }
            near = near.or(inSpan);
        }
        return near;
    }

    public KpiTables tables() {
        ZoneId zone = settings.clock().zone();
        Dataset<Row> exploded = Breakdowns.explodeBreakdowns(facts, Breakdowns.TICKET);
        Dataset<Row> kpis = TICKET_KPIS.kpis(facts, Breakdowns.TICKET)
                .unionByName(RepeatContacts.repeatCustomerKpis(exploded))
                .unionByName(Backlog.backlogKpis(allFacts, Breakdowns.TICKET, zone))
                .unionByName(npsKpis(zone));
        Instant cutOff = settings.cutOff();
        Dataset<Row> kpiWeekly = Tidy.withFlags(kpis, cutOff).filter(weeks.filter(Breakdowns.WEEK));
        Dataset<Row> busiest = BusiestHours.busiestHours(facts).filter(weeks.filter(Breakdowns.WEEK));
        Dataset<Row> complaints = TopComplaints.topComplaints(facts).filter(weeks.filter(Breakdowns.WEEK));
        return new KpiTables(kpiWeekly, busiest, complaints, answerTickets(zone));
    }

    /**
     * The ticket channel and category of the commented detractor answers given in the chosen weeks, so
     * that the report can filter comments by them (the store has no tickets); the answer's
     * ticket as the NPS breakdowns join it. Columns: response_id, channel, category.
     */
    private Dataset<Row> answerTickets(ZoneId zone) {
        return NetPromoterScore.withTicketBreakdowns(responses, allFacts, zone, "answered_at")
                .filter(col("score").leq(6).and(trim(col("comment")).notEqual("")).and(weeks.filter(Breakdowns.WEEK)))
                .select(col("response_id"), col("channel"), col("category"));
    }

    private Dataset<Row> npsKpis(ZoneId zone) {
        Dataset<Row> answers = NetPromoterScore.withTicketBreakdowns(responses, allFacts, zone, "answered_at");
        Dataset<Row> sent = NetPromoterScore.withTicketBreakdowns(invitations, allFacts, zone, "sent_at");
        return NetPromoterScore.npsKpis(Breakdowns.explodeBreakdowns(answers, Breakdowns.NPS))
                .unionByName(NetPromoterScore.responseRateKpis(Breakdowns.explodeBreakdowns(sent, Breakdowns.NPS)))
                .select(col(Breakdowns.WEEK), col(Breakdowns.WEEK_END), col(Breakdowns.BREAKDOWN),
                        col(Breakdowns.BREAKDOWN_VALUE), col(Tidy.KPI), col(Tidy.VALUE), col(Tidy.SAMPLE_SIZE));
    }
}
