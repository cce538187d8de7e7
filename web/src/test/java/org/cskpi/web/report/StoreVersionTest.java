package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.cskpi.config.IsoWeek;
import org.junit.jupiter.api.Test;

class StoreVersionTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    // Oslo is UTC+1 in November: 2026-W47 ends 2026-11-22T23:00Z, W48 ends 2026-11-29T23:00Z
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    private static final IsoWeek W48 = IsoWeek.parse("2026-W48");

    /** With the survey's comment edit window of 24 hours (plus the minute ReportChoices adds). */
    private static StoreVersion at(String now, long runs, String answers) {
        return new StoreVersion(runs, answers,
                new StoreVersion.Context(OSLO, Duration.ofHours(24).plusMinutes(1), Instant.parse(now)));
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
    void a_week_stays_open_for_the_comment_edit_window_and_a_minute_after_it_ends() {
        String open = "2026-11-23T23:00:59Z";
        String closed = "2026-11-23T23:01:00Z";
        assertThat(at(open, 3, "7,7").of(W47)).isNotEqualTo(at(open, 3, "8,8").of(W47));
        assertThat(at(open, 3, "7,7").isOpen(W47)).isTrue();
        assertThat(at(closed, 3, "7,7").of(W47)).isEqualTo(at(closed, 3, "8,8").of(W47));
        assertThat(at(closed, 3, "7,7").isOpen(W47)).isFalse();
    }

    @Test
    void pages_of_an_open_week_expire_by_age_and_of_a_closed_week_only_by_version() {
        StoreVersion version = at("2026-11-25T08:00:00Z", 3, "7,7");
        assertThat(version.maxAgeNanos(W48, 60)).isEqualTo(60);
        assertThat(version.maxAgeNanos(W47, 60)).isEqualTo(StoreVersion.NEVER);
    }
}
