package org.cskpi.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import java.time.Instant;
import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.backlog.Backlog;
import org.cskpi.analytics.busiest.BusiestHours;
import org.cskpi.analytics.complaints.TopComplaints;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.facts.TicketFacts;
import org.cskpi.analytics.frt.FirstResponse;
import org.cskpi.analytics.nps.NetPromoterScore;
import org.cskpi.analytics.period.WeekRange;
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
    private final Dataset<Row> responses;
    private final Dataset<Row> invitations;
    private final FactSettings settings;

    /**
     * @param tickets     canonical tickets (Tickets.SCHEMA), every week: repeat contacts and
     *                    backlog look back before the range
     * @param responses   survey answers (SurveyData.RESPONSES)
     * @param invitations survey invitations (SurveyData.INVITATIONS)
     */
    public KpiComputation(Dataset<Row> tickets, Dataset<Row> responses, Dataset<Row> invitations,
                          FactSettings settings) {
        this.facts = RepeatContacts.withIsRepeatContact(TicketFacts.prepare(tickets, settings),
                settings.repeatWindowDays());
        this.responses = responses;
        this.invitations = invitations;
        this.settings = settings;
    }

    /** Ticket facts with is_repeat_contact: one row per ticket. */
    public Dataset<Row> facts() {
        return facts;
    }

    public KpiTables tables(WeekRange range) {
        ZoneId zone = settings.clock().zone();
        Dataset<Row> exploded = Breakdowns.explodeBreakdowns(facts, Breakdowns.TICKET);
        Dataset<Row> kpis = TICKET_KPIS.kpis(facts, Breakdowns.TICKET)
                .unionByName(RepeatContacts.repeatCustomerKpis(exploded))
                .unionByName(Backlog.backlogKpis(facts, Breakdowns.TICKET, zone))
                .unionByName(npsKpis(zone));
        Instant cutOff = settings.cutOff();
        Dataset<Row> kpiWeekly = Tidy.withFlags(kpis, cutOff).filter(range.filter(Breakdowns.WEEK));
        Dataset<Row> busiest = BusiestHours.busiestHours(facts).filter(range.filter(Breakdowns.WEEK));
        Dataset<Row> complaints = TopComplaints.topComplaints(facts).filter(range.filter(Breakdowns.WEEK));
        return new KpiTables(kpiWeekly, busiest, complaints, answerTickets(zone, range));
    }

    /**
     * The ticket channel and category of the commented detractor answers given in the range, so
     * that the report can filter comments by them (the store has no tickets); the answer's
     * ticket as the NPS breakdowns join it. Columns: response_id, channel, category.
     */
    private Dataset<Row> answerTickets(ZoneId zone, WeekRange range) {
        return NetPromoterScore.withTicketBreakdowns(responses, facts, zone, "answered_at")
                .filter(col("score").leq(6).and(trim(col("comment")).notEqual("")).and(range.filter(Breakdowns.WEEK)))
                .select(col("response_id"), col("channel"), col("category"));
    }

    private Dataset<Row> npsKpis(ZoneId zone) {
        Dataset<Row> answers = NetPromoterScore.withTicketBreakdowns(responses, facts, zone, "answered_at");
        Dataset<Row> sent = NetPromoterScore.withTicketBreakdowns(invitations, facts, zone, "sent_at");
        return NetPromoterScore.npsKpis(Breakdowns.explodeBreakdowns(answers, Breakdowns.NPS))
                .unionByName(NetPromoterScore.responseRateKpis(Breakdowns.explodeBreakdowns(sent, Breakdowns.NPS)))
                .select(col(Breakdowns.WEEK), col(Breakdowns.WEEK_END), col(Breakdowns.BREAKDOWN),
                        col(Breakdowns.BREAKDOWN_VALUE), col(Tidy.KPI), col(Tidy.VALUE), col(Tidy.SAMPLE_SIZE));
    }
}
