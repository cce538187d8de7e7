package org.cskpi.analytics.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cskpi.analytics.period.WeekSelection.Span;
import org.cskpi.config.IsoWeek;
import org.junit.jupiter.api.Test;

class TouchedWeeksTest {

    private static Optional<IsoWeek> week(String text) {
        return Optional.of(IsoWeek.parse(text));
    }

    @Test
    void consecutive_weeks_form_one_span_across_the_year_end() {
        TouchedWeeks weeks = TouchedWeeks.of(List.of("2026-W53", "2027-W01", "2026-W40", "2026-W52"), Optional.empty());

        assertThat(weeks.spans()).containsExactly(new Span(week("2026-W40"), week("2026-W40")),
                new Span(week("2026-W52"), week("2027-W01")));
        assertThat(weeks.describe(IsoWeek.parse("2027-W05"))).isEqualTo("4 weeks (2026-W40, 2026-W52..2027-W01)");
    }

    @Test
    void an_open_end_swallows_the_single_weeks_after_it_and_counts_up_to_the_last_week() {
        TouchedWeeks weeks = TouchedWeeks.of(List.of("2026-W30", "2026-W46", "2026-W47"), Optional.of("2026-W45"));

        assertThat(weeks.weeks()).containsExactly("2026-W30");
        assertThat(weeks.contains("2026-W50")).isTrue();
        assertThat(weeks.contains("2026-W31")).isFalse();
        assertThat(weeks.describe(IsoWeek.parse("2026-W47"))).isEqualTo("4 weeks (2026-W30, 2026-W45..W47)");
    }

    @Test
    void plus_keeps_the_earlier_open_start_and_every_single_week() {
        TouchedWeeks a = TouchedWeeks.of(List.of("2026-W10"), Optional.of("2026-W45"));
        TouchedWeeks b = TouchedWeeks.of(List.of("2026-W12"), Optional.of("2026-W40"));

        TouchedWeeks both = a.plus(b);

        assertThat(both.weeks()).containsExactly("2026-W10", "2026-W12");
        assertThat(both.openFrom()).contains("2026-W40");
        assertThat(TouchedWeeks.NONE.plus(TouchedWeeks.NONE).isEmpty()).isTrue();
        assertThat(TouchedWeeks.NONE.describe(IsoWeek.parse("2026-W40"))).isEqualTo("0 weeks");
    }
}
