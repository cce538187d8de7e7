package org.cskpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Business seconds (docs/kpis.md#business-time) in Europe/Oslo, Mon–Fri 09:00–17:00 local,
 * worked out by hand. Oslo is UTC+2 (CEST) until Sun 2026-10-25 01:00Z, then UTC+1 (CET):
 * weekdays are open 07:00–15:00Z in week 43 and 08:00–16:00Z from week 44.
 */
class BusinessClockTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** With the holiday Tue 2026-10-27. */
    static final BusinessClock CLOCK = BusinessClock.of(new BusinessHours(OSLO,
            BusinessHours.standard(OSLO).week(), Set.of(LocalDate.parse("2026-10-27"))));
    static final BusinessClock NO_HOLIDAYS = BusinessClock.of(BusinessHours.standard(OSLO));

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
        // inside one open day: 10:00Z-12:00Z on Tue 20 Oct = 2 h
        "2026-10-20T10:00:00Z; 2026-10-20T12:00:00Z; within one day; 7200",
        // before opening to 30 min after it (Mon 19, opens 07:00Z)
        "2026-10-19T06:00:00Z; 2026-10-19T07:30:00Z; starts before opening; 1800",
        // night: Wed 22:00 local to Thu 09:00 local (07:00Z) is 0
        "2026-10-21T20:00:00Z; 2026-10-22T07:00:00Z; across a night ending at opening; 0",
        // Mon 06:00Z to Tue 08:00Z: Mon 07-15Z (8 h) + Tue 07-08Z (1 h)
        "2026-10-19T06:00:00Z; 2026-10-20T08:00:00Z; across a night; 32400",
        // Sat 10:00Z to Sat 11:00Z: closed
        "2026-10-24T10:00:00Z; 2026-10-24T11:00:00Z; weekend; 0",
        // Fri 14:00Z (16:00 CEST) to Mon 26 09:00Z (10:00 CET): Fri 1 h + weekend 0 + Mon 08-09Z 1 h
        "2026-10-23T14:00:00Z; 2026-10-26T09:00:00Z; across a weekend and the DST change; 7200",
        // Tue 27 is a holiday: 09:00Z Tue to 08:30Z Wed = Wed 08:00-08:30Z only
        "2026-10-27T09:00:00Z; 2026-10-28T08:30:00Z; across a holiday; 1800",
        // Wed 28 07:00Z to Fri 30 10:00Z (CET): Wed 8 h + Thu 8 h + Fri 2 h
        "2026-10-28T07:00:00Z; 2026-10-30T10:00:00Z; several days; 64800",
        // end before start reads as 0, never negative
        "2026-10-20T12:00:00Z; 2026-10-20T10:00:00Z; end before start; 0",
        // end is exclusive: opening instant to opening instant
        "2026-10-20T07:00:00Z; 2026-10-20T07:00:00Z; empty interval; 0",
    })
    void counts_business_seconds(String start, String end, String caseName, double expected) {
        assertThat(CLOCK.businessSeconds(Instant.parse(start), Instant.parse(end))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
        // Mon 2026-11-02 08:00 -> 10:30: open 09:00-10:30 = 1.5 h
        "2026-11-02T08:00; 2026-11-02T10:30; only the open part of a morning; 5400",
        // Fri 16:00 -> Mon 10:00: Fri 16-17 (1 h) + Mon 09-10 (1 h)
        "2026-11-06T16:00; 2026-11-09T10:00; across a weekend; 7200",
        "2026-11-07T09:00; 2026-11-08T20:00; within a weekend; 0",
        "2026-11-02T12:00; 2026-11-02T12:00; an empty interval; 0",
        "2026-11-02T12:00; 2026-11-02T11:00; a backward interval; 0",
    })
    void counts_whole_business_seconds_between_local_times(String from, String to, String caseName, long expected) {
        assertThat(NO_HOLIDAYS.wholeBusinessSeconds(epochSecond(from), epochSecond(to))).isEqualTo(expected);
    }

    @Test
    void skips_holidays_in_whole_seconds() {
        BusinessClock mondayOff = BusinessClock.of(new BusinessHours(OSLO, BusinessHours.standard(OSLO).week(),
                Set.of(LocalDate.of(2026, 11, 9))));
        // Fri 16:00 -> Tue 10:00 with Monday off: Fri 1 h + Tue 09-10 1 h
        assertThat(mondayOff.wholeBusinessSeconds(epochSecond("2026-11-06T16:00"), epochSecond("2026-11-10T10:00")))
                .isEqualTo(7_200);
    }

    @ParameterizedTest(name = "open Sundays {0}-{1}, {2} to {3}: {4} h")
    @CsvSource({
        // On Sun 2026-10-25 Oslo's clocks go from 03:00 CEST back to 02:00 CET, so 01:00 CEST
        // (23:00Z Sat) to 04:00 CET (03:00Z) is 4 real hours, and 01:00-05:00 is 5.
        "01:00, 04:00, 2026-10-24T12:00:00Z, 2026-10-25T12:00:00Z, 4",
        "01:00, 05:00, 2026-10-24T12:00:00Z, 2026-10-26T12:00:00Z, 5",
        // Ordinary Sundays a week later and a week earlier: the wall-clock length.
        "01:00, 04:00, 2026-10-31T12:00:00Z, 2026-11-01T12:00:00Z, 3",
        "01:00, 05:00, 2026-10-17T12:00:00Z, 2026-10-19T12:00:00Z, 4",
        // Spring forward (Sun 2026-03-29, 02:00 CET -> 03:00 CEST): 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) = 2 h.
        "01:00, 04:00, 2026-03-28T12:00:00Z, 2026-03-29T12:00:00Z, 2",
    })
    void a_dst_day_is_an_hour_longer_or_shorter_when_its_hours_span_the_change(String open, String close,
                                                                               String start, String end, int hours) {
        BusinessClock sundays = BusinessClock.of(new BusinessHours(OSLO, Map.of(DayOfWeek.SUNDAY,
                new BusinessHours.Interval(LocalTime.parse(open), LocalTime.parse(close))), Set.of()));
        assertThat(sundays.businessSeconds(Instant.parse(start), Instant.parse(end))).isEqualTo(hours * 3600.0);
    }

    @Test
    void sub_second_parts_count() {
        assertThat(CLOCK.businessSeconds(Instant.parse("2026-10-20T10:00:00.250Z"), Instant.parse("2026-10-20T10:00:01Z")))
                .isEqualTo(0.75);
    }

    @ParameterizedTest(name = "{0} open: {1}")
    @CsvSource({
        "2026-10-20T07:00:00Z, true",   // Tue 09:00 CEST: start inclusive
        "2026-10-20T15:00:00Z, false",  // Tue 17:00 CEST: end exclusive
        "2026-10-20T06:59:59Z, false",  // 08:59:59
        "2026-10-26T07:30:00Z, false",  // Mon 08:30 CET (would be 09:30 in summer time)
        "2026-10-26T08:00:00Z, true",   // Mon 09:00 CET
        "2026-10-27T10:00:00Z, false",  // holiday
        "2026-10-24T10:00:00Z, false",  // Saturday
        "2026-10-21T20:00:00Z, false",  // night
    })
    void knows_when_it_is_open(String at, boolean open) {
        assertThat(CLOCK.isOpenAt(Instant.parse(at))).isEqualTo(open);
    }

    @Test
    void a_serialised_copy_counts_the_same() throws IOException, ClassNotFoundException {
        Instant start = Instant.parse("2026-10-23T14:00:00Z");
        Instant end = Instant.parse("2026-10-28T08:30:00Z");
        // Fri 14-15Z + Mon 26 08-16Z + Wed 28 08:00-08:30Z, Tue 27 a holiday
        BusinessClock copy = roundTrip(CLOCK);
        assertThat(copy.businessSeconds(start, end)).isEqualTo(CLOCK.businessSeconds(start, end)).isEqualTo(34_200.0);
        assertThat(copy.isOpenAt(Instant.parse("2026-10-27T10:00:00Z"))).isFalse();
        assertThat(copy.zone()).isEqualTo(OSLO);
    }

    private static BusinessClock roundTrip(BusinessClock clock) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(clock);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (BusinessClock) in.readObject();
        }
    }

    private static long epochSecond(String local) {
        return LocalDateTime.parse(local).atZone(OSLO).toEpochSecond();
    }
}
