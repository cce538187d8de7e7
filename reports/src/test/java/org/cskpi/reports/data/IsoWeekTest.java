package org.cskpi.reports.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void parses_and_prints_the_iso_form() {
        IsoWeek week = IsoWeek.parse("2026-W47");
        assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(week.toString()).isEqualTo("2026-W47");
    }

    @Test
    void prints_four_digit_years_and_two_digit_weeks() {
        assertThat(new IsoWeek(2026, 3)).hasToString("2026-W03");
        assertThat(new IsoWeek(987, 12)).hasToString("0987-W12");
        assertThat(new IsoWeek(5, 1)).hasToString("0005-W01");
        assertThat(new IsoWeek(0, 52)).hasToString("0000-W52");
        assertThat(new IsoWeek(12026, 10)).hasToString("12026-W10");
    }

    @Test
    void previous_week_crosses_the_year() {
        // 2026-W01 starts Monday 29 Dec 2025; 2025 has 52 ISO weeks
        assertThat(IsoWeek.parse("2026-W01").previous()).hasToString("2025-W52");
        // 2026 has 53 ISO weeks (1 Jan 2026 is a Thursday)
        assertThat(IsoWeek.parse("2027-W01").previous()).hasToString("2026-W53");
    }

    @Test
    void start_and_end_are_monday_midnight_in_the_zone() {
        IsoWeek week = IsoWeek.parse("2026-W47");
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        assertThat(week.start(oslo)).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        assertThat(week.end(oslo)).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
    }

    @Test
    void rejects_bad_weeks_with_the_expected_form() {
        assertThatThrownBy(() -> IsoWeek.parse("2026-47")).hasMessageContaining("YYYY-Www");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("52 ISO weeks");
        assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).hasMessageContaining("does not exist");
    }
}
