package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.cskpi.reports.data.IsoWeek;
import org.junit.jupiter.api.Test;

class StoreVersionTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    // Oslo is UTC+1 in November: 2026-W47 ends 2026-11-22T23:00Z, W48 ends 2026-11-29T23:00Z
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    private static final IsoWeek W48 = IsoWeek.parse("2026-W48");

    private static StoreVersion at(String now, long runs, String answers) {
        return new StoreVersion(runs, answers, OSLO, Instant.parse(now));
    }

    @Test
    void a_finished_run_changes_every_weeks_version() {
        String now = "2026-11-25T08:00:00Z";
        assertThat(at(now, 3, "7,7").of(W47)).isNotEqualTo(at(now, 4, "7,7").of(W47));
        assertThat(at(now, 3, "7,7").of(W48)).isNotEqualTo(at(now, 4, "7,7").of(W48));
    }

    @Test
    void an_answer_changes_only_the_weeks_that_can_still_get_answers() {
        String now = "2026-11-25T08:00:00Z";
        assertThat(at(now, 3, "7,7").of(W48)).isNotEqualTo(at(now, 3, "8,8").of(W48));
        assertThat(at(now, 3, "7,7").of(W47)).isEqualTo(at(now, 3, "8,8").of(W47));
    }

    @Test
    void a_week_takes_answers_until_a_minute_after_it_ends() {
        assertThat(at("2026-11-22T23:00:59Z", 3, "7,7").of(W47)).isNotEqualTo(at("2026-11-22T23:00:59Z", 3, "8,8").of(W47));
        assertThat(at("2026-11-22T23:01:00Z", 3, "7,7").of(W47)).isEqualTo(at("2026-11-22T23:01:00Z", 3, "8,8").of(W47));
    }
}
