package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.store.kpi.Breakdown;
import org.junit.jupiter.api.Test;

class KpiRequestTest {

    @Test
    void defaults_are_the_whole_operation_in_the_report_pages_week() {
        assertThat(KpiRequest.of(Map.of())).isEqualTo(new KpiRequest(Breakdown.ALL, Optional.empty()));
    }

    @Test
    void week_and_breakdown_are_read() {
        assertThat(KpiRequest.of(Map.of("week", List.of("2026-W47"), "breakdown", List.of("frt_bucket"))))
                .isEqualTo(new KpiRequest(Breakdown.FRT_BUCKET,
                        Optional.of(KpiRequest.Weeks.of(new IsoWeek(2026, 47)))));
    }

    @Test
    void from_and_to_span_up_to_53_weeks_across_a_year_end() {
        assertThat(KpiRequest.of(Map.of("from", List.of("2025-W47"), "to", List.of("2026-W47"))).weeks())
                .contains(new KpiRequest.Weeks(new IsoWeek(2025, 47), new IsoWeek(2026, 47), true));
        assertThat(KpiRequest.of(Map.of("from", List.of("2026-W47"), "to", List.of("2026-W47"))).weeks())
                .contains(new KpiRequest.Weeks(new IsoWeek(2026, 47), new IsoWeek(2026, 47), true));
        // 2026 has 53 ISO weeks: W01..W53 is the longest span
        assertThat(KpiRequest.of(Map.of("from", List.of("2026-W01"), "to", List.of("2026-W53"))).weeks()).isPresent();
        assertThatThrownBy(() -> KpiRequest.of(Map.of("from", List.of("2026-W01"), "to", List.of("2027-W01"))))
                .hasMessage("from 2026-W01 to 2027-W01 is 54 weeks; one call returns at most 53 weeks");
    }

    @Test
    void a_span_is_from_and_to_in_order_and_never_with_week() {
        assertThatThrownBy(() -> KpiRequest.of(Map.of("from", List.of("2026-W02"), "to", List.of("2026-W01"))))
                .hasMessage("from 2026-W02 is after to 2026-W01");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("from", List.of("2026-W02"))))
                .hasMessageStartingWith("from and to go together");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("to", List.of("2026-W02"))))
                .hasMessageStartingWith("from and to go together");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("week", List.of("2026-W02"), "to", List.of("2026-W02"))))
                .hasMessage("give week or from and to, not both");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("from", List.of("2026-W2"), "to", List.of("2026-W02"))))
                .hasMessageContaining("is not of the form YYYY-Www");
    }

    @Test
    void each_parameter_is_given_once() {
        assertThatThrownBy(() -> KpiRequest.of(Map.of("breakdown", List.of("channel", "team"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("give breakdown once (it was given 2 times)");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("week", List.of("2026-W47", "2026-W47"))))
                .hasMessage("give week once (it was given 2 times)");
    }

    @Test
    void an_unknown_breakdown_or_a_week_that_does_not_exist_is_refused_with_what_to_send() {
        assertThatThrownBy(() -> KpiRequest.of(Map.of("breakdown", List.of("region"))))
                .hasMessage("breakdown must be one of all, channel, category, team, agent, locale, frt_bucket");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("breakdown", List.of(""))))
                .hasMessageStartingWith("breakdown must be one of");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("week", List.of("2025-W53"))))
                .hasMessageContaining("does not exist in 2025");
        assertThatThrownBy(() -> KpiRequest.of(Map.of("week", List.of("last"))))
                .hasMessageContaining("is not of the form YYYY-Www");
    }
}
