package org.cskpi.reports.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Set;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.StoreRows;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KpiStoreTest {

    private final StoreRows rows = StoreRows.fresh();
    private final KpiStore store = new KpiStore(rows.dsl());

    @AfterEach
    void close() {
        rows.store().close();
    }

    @Test
    void the_default_week_is_the_newest_complete_one() {
        rows.all("2026-W45", "volume", 10, 10).all("2026-W46", "volume", 10, 10)
                .kpi("2026-W47", "all", "all", "volume", 3, 3, true);
        assertThat(store.latestCompleteWeek()).contains(IsoWeek.parse("2026-W46"));
        assertThat(store.weeks()).extracting(IsoWeek::toString).containsExactly("2026-W45", "2026-W46", "2026-W47");
    }

    @Test
    void with_only_incomplete_weeks_the_newest_is_the_default_and_an_empty_store_has_none() {
        assertThat(store.latestCompleteWeek()).isEmpty();
        rows.kpi("2026-W47", "all", "all", "volume", 3, 3, true);
        assertThat(store.latestCompleteWeek()).contains(IsoWeek.parse("2026-W47"));
    }

    @Test
    void a_store_with_survey_answers_only_defaults_to_its_newest_complete_nps_week() {
        rows.all("2026-W45", "nps", 20, 40).kpi("2026-W46", "all", "all", "nps", 10, 5, true);
        assertThat(store.latestCompleteWeek()).contains(IsoWeek.parse("2026-W45"));
    }

    @Test
    void busiest_hours_are_summed_over_the_weeks_asked_for() {
        rows.hour("2026-W45", 1, 9, 4).hour("2026-W46", 1, 9, 5).hour("2026-W46", 7, 23, 1).hour("2026-W47", 1, 9, 100);
        assertThat(store.busiestHours(IsoWeek.parse("2026-W45"), IsoWeek.parse("2026-W46")))
                .containsExactly(new HourCell(1, 9, 9), new HourCell(7, 23, 1));
    }

    @Test
    void answers_belong_to_the_week_they_were_given_in_the_business_zone() {
        // Oslo is UTC+1 in November: 2026-W47 runs 2026-11-15T23:00Z .. 2026-11-22T23:00Z
        rows.answer("2026-11-15T22:59:59Z", 3, "last week", "t1")
                .answer("2026-11-15T23:00:00Z", 9, null, "t2")
                .answer("2026-11-22T22:59:59Z", 2, "late", "t3")
                .answer("2026-11-22T23:00:00Z", 10, "next week", "t4");
        assertThat(store.answers(IsoWeek.parse("2026-W47"), ZoneId.of("Europe/Oslo")))
                .extracting(NpsAnswer::ticketId).containsExactly("t3", "t2");
    }

    @Test
    void answers_per_score_and_detractor_comments_count_only_the_week() {
        // Oslo is UTC+1 in November: 2026-W47 runs 2026-11-15T23:00Z .. 2026-11-22T23:00Z
        rows.answer("2026-11-15T22:59:59Z", 3, "last week", "t1")
                .answer("2026-11-15T23:00:00Z", 9, "great", "t2")
                .answer("2026-11-16T10:00:00Z", 6, "slow", "t3")
                .answer("2026-11-17T10:00:00Z", 6, "  ", "t4")
                .answer("2026-11-18T10:00:00Z", 0, null, "t5")
                .answer("2026-11-19T10:00:00Z", 2, "rude", "t6")
                .answer("2026-11-22T22:59:59Z", 9, null, "t7")
                .answer("2026-11-22T23:00:00Z", 10, "next week", "t8");
        IsoWeek w47 = IsoWeek.parse("2026-W47");
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        WeekAnswers answers = store.weekAnswers(w47, oslo);
        assertThat(answers.perScore()).containsExactly(1, 0, 1, 0, 0, 0, 2, 0, 0, 2, 0);
        // score 0-6 with a non-blank comment, newest first
        assertThat(answers.detractorComments()).extracting(NpsAnswer::ticketId).containsExactly("t6", "t3");
        assertThat(answers.detractorComments().get(1).comment()).isEqualTo("slow");
        WeekAnswers none = store.weekAnswers(IsoWeek.parse("2026-W40"), oslo);
        assertThat(none.perScore()).hasSize(11).containsOnly(0L);
        assertThat(none.detractorComments()).isEmpty();
    }

    @Test
    void complaints_come_by_tickets_then_name() {
        rows.complaint("2026-W47", "refunds", 5, 0.25, null, null)
                .complaint("2026-W47", "billing", 5, 0.25, 0.5, 0.1)
                .complaint("2026-W47", "login", 10, 0.5, -0.2, 0.0);
        assertThat(store.topComplaints(IsoWeek.parse("2026-W47"))).extracting(Complaint::category)
                .containsExactly("login", "billing", "refunds");
        assertThat(store.topComplaints(IsoWeek.parse("2026-W47")).get(2).changeVsPrevious()).isNull();
    }

    @Test
    void kpis_are_read_for_a_week_range_and_breakdowns() {
        rows.all("2026-W45", "volume", 1, 1).all("2026-W47", "volume", 3, 3)
                .kpi("2026-W47", "agent", "a1", "volume", 2, 2);
        assertThat(store.kpis(IsoWeek.parse("2026-W46"), IsoWeek.parse("2026-W47"), Set.of(Breakdown.ALL)))
                .containsExactly(new WeeklyKpi("2026-W47", "all", "all", "volume", 3, 3, true, false));
    }

    @Test
    void report_rows_are_every_row_of_the_week_and_the_one_before_and_only_trend_kpis_before_that() {
        rows.kpi("2026-W44", "all", "all", "volume", 4, 4)        // before the trend window
                .kpi("2026-W45", "all", "all", "volume", 5, 5)    // trend week: a trend KPI
                .kpi("2026-W45", "all", "all", "backlog", 6, 6)   // trend week: not a trend KPI
                .kpi("2026-W45", "agent", "a1", "volume", 7, 7)   // trend week: not a trend breakdown
                .kpi("2026-W46", "agent", "a1", "backlog", 8, 8)  // previous week: everything
                .kpi("2026-W47", "category", "refunds", "volume", 9, 9)
                .kpi("2026-W48", "all", "all", "volume", 10, 10); // after the week
        assertThat(store.reportRows(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W45"), Set.of(Breakdown.ALL),
                        Set.of(Kpi.VOLUME)))
                .extracting(k -> k.week() + " " + k.breakdown() + " " + k.breakdownValue() + " " + k.kpi())
                .containsExactlyInAnyOrder("2026-W45 all all volume", "2026-W46 agent a1 backlog",
                        "2026-W47 category refunds volume");
    }
}
