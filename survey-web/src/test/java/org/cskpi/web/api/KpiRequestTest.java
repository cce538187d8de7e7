package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.reports.data.IsoWeek;
import org.junit.jupiter.api.Test;

class KpiRequestTest {

    @Test
    void defaults_are_the_whole_operation_in_the_report_pages_week() {
        assertThat(KpiRequest.of(Map.of())).isEqualTo(new KpiRequest("all", Optional.empty()));
    }

    @Test
    void week_and_breakdown_are_read() {
        assertThat(KpiRequest.of(Map.of("week", List.of("2026-W47"), "breakdown", List.of("frt_bucket"))))
                .isEqualTo(new KpiRequest("frt_bucket", Optional.of(new IsoWeek(2026, 47))));
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
