package org.cskpi.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 s", "44.6, 45 s", "60, 1 min", "130, 2 min 10 s", "3599.6, 1 h",
        "3660, 1 h 1 min", "10800, 3 h", "86400, 1 d", "183600, 2 d 3 h",
        // the smaller unit is rounded, not cut: 2 h 53 min 52.8 s, 1 h 59 min 40 s, 23 h 59 min 40 s, 2 d 3 h 31 min
        "10432.8, 2 h 54 min", "7180, 2 h", "86380, 1 d", "185460, 2 d 4 h"})
    void durations_use_the_two_largest_units_rounded_to_the_smaller(double seconds, String expected) {
        assertThat(Figures.duration(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"42.5, 43", "-42.5, -43", "0.4, 0", "-0.4, 0", "-2.5, -3", "100, 100"})
    void nps_rounds_half_away_from_zero(double nps, long expected) {
        assertThat(Figures.nps(nps)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.8235, 82.4%", "1, 100.0%", "0, 0.0%"})
    void rates_are_percent_with_one_decimal(double rate, String expected) {
        assertThat(Figures.percent(rate)).isEqualTo(expected);
    }
}
