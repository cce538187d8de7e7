package org.cskpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO weeks as docs/kpis.md#weeks-and-time-zone defines them. */
class IsoWeekTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @ParameterizedTest(name = "{0} is in {1}, which ends {2}")
    @CsvSource({
        // Sun 23:30 CET is still week 43
        "2026-10-25T22:30:00Z, 2026-W43, 2026-10-25T23:00:00Z",
        // Sun 23:00Z = Mon 00:00 CET: week 44
        "2026-10-25T23:00:00Z, 2026-W44, 2026-11-01T23:00:00Z",
        // Sun 02:30 CEST, before the change
        "2026-10-25T00:30:00Z, 2026-W43, 2026-10-25T23:00:00Z",
        // ISO week-year: Thu 2026-12-31 is in 2026-W53, and so is Fri 2027-01-01
        "2026-12-31T12:00:00Z, 2026-W53, 2027-01-03T23:00:00Z",
        "2027-01-01T12:00:00Z, 2026-W53, 2027-01-03T23:00:00Z",
        // Mon 2024-12-30 belongs to 2025-W01
        "2024-12-30T12:00:00Z, 2025-W01, 2025-01-05T23:00:00Z",
    })
    void an_instant_is_in_the_week_of_its_local_date(String at, String week, String end) {
        assertThat(IsoWeek.containing(Instant.parse(at), OSLO)).hasToString(week);
        assertThat(IsoWeek.parse(week).end(OSLO)).isEqualTo(Instant.parse(end));
    }

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
    void next_week_crosses_the_year() {
        assertThat(IsoWeek.parse("2025-W52").next()).hasToString("2026-W01");
        assertThat(IsoWeek.parse("2026-W53").next()).hasToString("2027-W01");
        assertThat(IsoWeek.parse("2026-W47").next()).hasToString("2026-W48");
    }

    @Test
    void weeks_and_their_text_sort_in_time_order() {
        IsoWeek last2026 = IsoWeek.parse("2026-W53");
        IsoWeek first2027 = IsoWeek.parse("2027-W01");
        assertThat(last2026).isLessThan(first2027);
        assertThat(last2026.toString()).isLessThan(first2027.toString());
        assertThat(IsoWeek.parse(" 2026-W09 ")).isEqualTo(new IsoWeek(2026, 9)).isLessThan(new IsoWeek(2026, 10));
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
        assertThatThrownBy(() -> IsoWeek.parse("2026-47")).hasMessageContaining("YYYY-Www").hasMessageContaining("2026-W47");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("52 ISO weeks");
        assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).hasMessageContaining("does not exist");
    }
}
