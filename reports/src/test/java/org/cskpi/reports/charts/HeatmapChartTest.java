package org.cskpi.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.cskpi.config.BusinessHours;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeatmapChartTest {

    // Monday 09:30-17:30; no other open day
    private static final BusinessHours HOURS = new BusinessHours(ZoneOffset.UTC,
            Map.of(DayOfWeek.MONDAY, new BusinessHours.Interval(LocalTime.of(9, 30), LocalTime.of(17, 30))), Set.of());

    @ParameterizedTest
    @CsvSource({
        "MONDAY, 8, false",   // 08:00-09:00 ends before opening
        "MONDAY, 9, true",    // 09:00-10:00 overlaps 09:30
        "MONDAY, 17, true",   // 17:00-18:00 overlaps up to 17:30
        "MONDAY, 18, false",
        "MONDAY, 23, false",
        "TUESDAY, 12, false"}) // closed day
    void an_hour_cell_is_business_time_when_it_overlaps_the_open_interval(DayOfWeek day, int hour, boolean open) {
        assertThat(HeatmapChart.isBusinessHour(HOURS, day, hour)).isEqualTo(open);
    }
}
