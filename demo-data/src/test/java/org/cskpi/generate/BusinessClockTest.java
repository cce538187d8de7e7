package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.cskpi.config.BusinessHours;
import org.junit.jupiter.api.Test;

/** Business seconds with Mon-Fri 09:00-17:00 in Oslo, worked out by hand. */
class BusinessClockTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final BusinessClock clock = new BusinessClock(BusinessHours.standard(OSLO));

    @Test
    void counts_only_the_open_part_of_a_morning() {
        // Mon 2026-11-02 08:00 -> 10:30: open 09:00-10:30 = 1.5 h
        assertThat(clock.secondsBetween(at("2026-11-02T08:00"), at("2026-11-02T10:30"))).isEqualTo(5_400);
    }

    @Test
    void skips_the_weekend() {
        // Fri 16:00 -> Mon 10:00: Fri 16-17 (1 h) + Mon 09-10 (1 h)
        assertThat(clock.secondsBetween(at("2026-11-06T16:00"), at("2026-11-09T10:00"))).isEqualTo(7_200);
        assertThat(clock.secondsBetween(at("2026-11-07T09:00"), at("2026-11-08T20:00"))).isZero();
    }

    @Test
    void skips_holidays() {
        BusinessHours hours = BusinessHours.standard(OSLO);
        BusinessClock withHoliday = new BusinessClock(new BusinessHours(OSLO, hours.week(),
                Set.of(LocalDate.of(2026, 11, 9))));
        // Fri 16:00 -> Tue 10:00 with Monday off: Fri 1 h + Tue 09-10 1 h
        assertThat(withHoliday.secondsBetween(at("2026-11-06T16:00"), at("2026-11-10T10:00"))).isEqualTo(7_200);
    }

    @Test
    void a_day_whose_clock_goes_back_has_an_hour_more() {
        // open Sundays 01:00-05:00; on 2026-10-25 Oslo goes from 03:00 CEST back to 02:00 CET,
        // so the wall-clock interval 01:00-05:00 lasts 5 hours of real time
        BusinessClock sundays = new BusinessClock(new BusinessHours(OSLO, java.util.Map.of(java.time.DayOfWeek.SUNDAY,
                new BusinessHours.Interval(java.time.LocalTime.of(1, 0), java.time.LocalTime.of(5, 0))), Set.of()));
        assertThat(sundays.secondsBetween(at("2026-10-24T12:00"), at("2026-10-26T12:00"))).isEqualTo(5 * 3_600);
        assertThat(sundays.secondsBetween(at("2026-10-17T12:00"), at("2026-10-19T12:00"))).isEqualTo(4 * 3_600);
    }

    @Test
    void an_empty_or_backward_interval_is_zero() {
        assertThat(clock.secondsBetween(at("2026-11-02T12:00"), at("2026-11-02T12:00"))).isZero();
        assertThat(clock.secondsBetween(at("2026-11-02T12:00"), at("2026-11-02T11:00"))).isZero();
    }

    private static long at(String local) {
        return LocalDateTime.parse(local).atZone(OSLO).toEpochSecond();
    }
}
