package org.cskpi.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.analytics.fixture.TicketRow.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.fixture.Kpis;
import org.cskpi.analytics.fixture.Kpis.Kpi;
import org.cskpi.analytics.fixture.TicketRow;
import org.cskpi.analytics.job.KpiComputation;
import org.cskpi.analytics.nps.SurveyData;
import org.cskpi.analytics.period.CutOff;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.config.BusinessClock;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One test per rule of the first section of docs/kpis.md,
 * docs/kpis.md#periods-cut-off-and-flags. */
@ExtendWith(SharedSpark.class)
class PeriodRulesTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static List<Kpi> kpis(SparkSession spark, List<TicketRow> tickets, String cutOff) {
        FactSettings settings = new FactSettings(BusinessClock.of(BusinessHours.standard(OSLO)),
                CskpiConfig.DEFAULT_FRT_TARGETS, 7, Instant.parse(cutOff));
        Dataset<Row> none = spark.createDataFrame(List.of(), SurveyData.RESPONSES);
        Dataset<Row> noInvitations = spark.createDataFrame(List.of(), SurveyData.INVITATIONS);
        KpiComputation computation = new KpiComputation(TicketRow.tickets(spark, tickets), none, noInvitations, settings,
                WeekRange.ALL);
        computation.facts().cache();
        try {
            return Kpis.collect(computation.tables().kpiWeekly());
        } finally {
            computation.facts().unpersist();
        }
    }

    private static List<String> names(List<Kpi> kpis, String week) {
        return kpis.stream().filter(k -> k.week().equals(week) && k.breakdown().equals("all")).map(Kpi::kpi).toList();
    }

    @Test
    void an_empty_sample_has_no_row(SparkSession spark) {
        // Two tickets in 2026-W10, neither answered nor resolved: no FRT, no resolution time,
        // no one-touch/reopen rows; volume, unanswered (2, over the cohort) and rates over the cohort exist.
        List<Kpi> kpis = kpis(spark, List.of(
                ticket("a").channel("email").customer("c1").created("2026-03-03T10:00:00Z").counts(0, 0),
                ticket("b").channel("email").customer("c2").created("2026-03-03T11:00:00Z").counts(0, 0)),
                "2026-03-20T00:00:00Z");
        assertThat(names(kpis, "2026-W10")).containsExactlyInAnyOrder("volume", "unanswered", "resolution_rate",
                "resolution_rate_7d", "repeat_contact_rate", "repeat_customer_rate", "after_hours_share", "backlog");
        assertThat(Kpis.find(kpis, "2026-W10", "all", "all", "resolution_rate").orElseThrow().result()).isZero();
        assertThat(Kpis.find(kpis, "2026-W10", "all", "all", "unanswered").orElseThrow().result()).isEqualTo(2.0);
        // No rows at all for weeks without tickets created.
        assertThat(kpis).allMatch(k -> k.week().equals("2026-W10"));
    }

    @Test
    void missing_counts_are_not_zero(SparkSession spark) {
        // Three resolved tickets: reopens 1, unknown, unknown; agent_replies unknown for all.
        // reopen_rate = 1/1 over the one known ticket (not 1/3); one_touch_rate has no row.
        List<Kpi> kpis = kpis(spark, List.of(
                ticket("a").channel("email").created("2026-03-03T10:00:00Z").resolved("2026-03-03T11:00:00Z").counts(1, null),
                ticket("b").channel("email").created("2026-03-03T10:00:00Z").resolved("2026-03-03T11:00:00Z").counts(null, null),
                ticket("c").channel("email").created("2026-03-03T10:00:00Z").resolved("2026-03-03T11:00:00Z").counts(null, null)),
                "2026-03-20T00:00:00Z");
        Kpi reopen = Kpis.find(kpis, "2026-W10", "all", "all", "reopen_rate").orElseThrow();
        assertThat(reopen.result()).isEqualTo(1.0);
        assertThat(reopen.sampleSize()).isEqualTo(1);
        assertThat(Kpis.find(kpis, "2026-W10", "all", "all", "one_touch_rate")).isEmpty();
        // No customer_id on any ticket: no repeat rows (the sample is tickets with a customer).
        assertThat(Kpis.find(kpis, "2026-W10", "all", "all", "repeat_contact_rate")).isEmpty();
    }

    @Test
    void the_cut_off_is_the_newest_updated_at_else_the_newest_timestamp(SparkSession spark) {
        // a: updated 03-05; b: no updated_at, resolved 03-07 (its newest timestamp) => 03-07.
        Dataset<Row> tickets = TicketRow.tickets(spark, List.of(
                ticket("a").created("2026-03-03T10:00:00Z").updated("2026-03-05T00:00:00Z"),
                ticket("b").created("2026-03-03T10:00:00Z").firstResponse("2026-03-04T00:00:00Z")
                        .resolved("2026-03-07T12:00:00Z")));
        assertThat(CutOff.ofTickets(tickets)).contains(Instant.parse("2026-03-07T12:00:00Z"));
        // With tickets updated later than any other timestamp, updated_at wins.
        Dataset<Row> updatedLater = TicketRow.tickets(spark, List.of(
                ticket("a").created("2026-03-03T10:00:00Z").resolved("2026-03-04T00:00:00Z").updated("2026-03-09T00:00:00Z")));
        assertThat(CutOff.ofTickets(updatedLater)).contains(Instant.parse("2026-03-09T00:00:00Z"));
        assertThat(CutOff.ofTickets(TicketRow.tickets(spark, List.of()))).isEmpty();
    }

    @Test
    void with_answers_only_the_cut_off_is_the_newest_answer(SparkSession spark) {
        Dataset<Row> answers = spark.createDataFrame(List.of(
                org.apache.spark.sql.RowFactory.create(1L, null, null, "t", null, 9, null, "en",
                        java.sql.Timestamp.from(Instant.parse("2026-03-04T00:00:00Z")), "import"),
                org.apache.spark.sql.RowFactory.create(2L, null, null, "t", null, 3, null, "en",
                        java.sql.Timestamp.from(Instant.parse("2026-03-06T00:00:00Z")), "import")),
                SurveyData.RESPONSES);
        assertThat(CutOff.ofAnswers(answers)).contains(Instant.parse("2026-03-06T00:00:00Z"));
    }

    @Test
    void a_week_ending_after_the_cut_off_is_incomplete(SparkSession spark) {
        // W10 ends Mon 2026-03-09 00:00 CET = 03-08T23:00Z. Cut-off 03-10: W10 complete except
        // resolution_rate_7d (03-08T23:00Z + 7 d = 03-15T23:00Z > cut-off); W11 incomplete.
        List<Kpi> kpis = kpis(spark, List.of(
                ticket("a").channel("email").created("2026-03-03T10:00:00Z").resolved("2026-03-03T11:00:00Z").counts(0, 1),
                ticket("b").channel("email").created("2026-03-09T10:00:00Z").updated("2026-03-10T00:00:00Z")),
                "2026-03-10T00:00:00Z");
        for (Kpi k : kpis) {
            boolean expected = k.week().equals("2026-W11") || k.kpi().equals("resolution_rate_7d");
            assertThat(k.incomplete()).as(k.toString()).isEqualTo(expected);
        }
        // A cut-off at W10's end + 7 d exactly completes W10's 7-day rate (end + 7 d is not after it).
        List<Kpi> later = kpis(spark, List.of(
                ticket("a").channel("email").created("2026-03-03T10:00:00Z").resolved("2026-03-03T11:00:00Z").counts(0, 1)),
                "2026-03-15T23:00:00Z");
        assertThat(Kpis.find(later, "2026-W10", "all", "all", "resolution_rate_7d").orElseThrow().incomplete()).isFalse();
    }

    @Test
    void small_sample_means_fewer_than_30(SparkSession spark) {
        // 30 tickets in W10 (volume sample 30: not small), 29 in W11 (small).
        List<TicketRow> tickets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tickets.add(ticket("a" + i).channel("email").created("2026-03-03T10:00:00Z"));
        }
        for (int i = 0; i < 29; i++) {
            tickets.add(ticket("b" + i).channel("email").created("2026-03-10T10:00:00Z"));
        }
        List<Kpi> kpis = kpis(spark, tickets, "2026-03-20T00:00:00Z");
        assertThat(Kpis.find(kpis, "2026-W10", "all", "all", "volume").orElseThrow().smallSample()).isFalse();
        assertThat(Kpis.find(kpis, "2026-W11", "all", "all", "volume").orElseThrow().smallSample()).isTrue();
        // Backlog's sample is the backlog itself: 30 open at W10's end, 59 at W11's.
        assertThat(Kpis.find(kpis, "2026-W10", "all", "all", "backlog").orElseThrow().sampleSize()).isEqualTo(30);
        assertThat(Kpis.find(kpis, "2026-W11", "all", "all", "backlog").orElseThrow().result()).isEqualTo(59.0);
    }

    @Test
    void seven_days_are_7_times_86400_seconds_across_a_dst_change(SparkSession spark) {
        // Oslo leaves summer time on Sun 2026-10-25. Created Thu 10-22 10:00Z:
        //  - a: resolved 10-29 10:00Z, exactly 604800 s later (11:00 local, an hour earlier on the
        //    wall clock than created, 12:00 CEST): within 7 days.
        //  - b: resolved 1 s later: not within. => resolution_rate_7d = 1/2.
        // Repeat: c2's second ticket 10-29 10:00Z is exactly 7 d after the first (window start
        // is inclusive): a repeat; c3's is 7 d + 1 s after: not. => repeat_contact_rate in W44 = 1/2.
        List<Kpi> kpis = kpis(spark, List.of(
                ticket("a").channel("email").customer("c1").created("2026-10-22T10:00:00Z").resolved("2026-10-29T10:00:00Z"),
                ticket("b").channel("email").customer("c4").created("2026-10-22T10:00:00Z").resolved("2026-10-29T10:00:01Z"),
                ticket("c").channel("email").customer("c2").category("x").created("2026-10-22T10:00:00Z"),
                ticket("d").channel("email").customer("c2").category("x").created("2026-10-29T10:00:00Z"),
                ticket("e").channel("email").customer("c3").category("x").created("2026-10-22T10:00:00Z"),
                ticket("f").channel("email").customer("c3").category("x").created("2026-10-29T10:00:01Z"),
                ticket("g").channel("email").customer("c5").category("y").created("2026-10-22T10:00:00Z"),
                ticket("h").channel("email").customer("c5").category("z").created("2026-10-23T10:00:00Z")),
                "2026-11-30T00:00:00Z");
        Kpi sevenDays = Kpis.find(kpis, "2026-W43", "all", "all", "resolution_rate_7d").orElseThrow();
        assertThat(sevenDays.result()).isEqualTo(1.0 / 6);  // W43 has a b c e g h: a within, b not, the rest unresolved
        assertThat(Kpis.find(kpis, "2026-W44", "all", "all", "repeat_contact_rate").orElseThrow().result()).isEqualTo(0.5);
        // g and h: same customer, other category: no repeat in W43 (0 of 6 with customer).
        assertThat(Kpis.find(kpis, "2026-W43", "all", "all", "repeat_contact_rate").orElseThrow().result()).isZero();
    }

    @Test
    void rows_exist_only_for_weeks_and_values_with_tickets(SparkSession spark) {
        // W10 has an email ticket, W12 a chat ticket; nothing in W11, so no W11 row (not even
        // backlog), and no chat row in W10.
        List<Kpi> kpis = kpis(spark, List.of(
                ticket("a").channel("email").created("2026-03-03T10:00:00Z"),
                ticket("b").channel("chat").created("2026-03-17T10:00:00Z")), "2026-03-30T00:00:00Z");
        assertThat(kpis.stream().map(Kpi::week).distinct()).containsExactlyInAnyOrder("2026-W10", "2026-W12");
        assertThat(kpis).noneMatch(k -> k.week().equals("2026-W10") && k.value().equals("chat"));
        assertThat(Kpis.find(kpis, "2026-W12", "all", "all", "backlog").orElseThrow().result()).isEqualTo(2.0);
        assertThat(Kpis.find(kpis, "2026-W12", "channel", "chat", "backlog").orElseThrow().result()).isEqualTo(1.0);
        assertThat(kpis.stream().map(Kpi::breakdown).distinct().toList()).containsExactlyInAnyOrderElementsOf(
                Set.of("all", "channel", "category"));
    }
}
