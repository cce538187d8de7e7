package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** CSV quoting, timestamp text and the default end date. */
class TextFormatsTest {

    @Test
    void csv_quotes_only_cells_that_need_it_and_doubles_quotes() throws IOException {
        StringWriter out = new StringWriter();
        new Csv(out).record("a", null, "x,y", "say \"hi\"", "line1\nline2", 5, "Kovačić");
        assertThat(out.toString()).isEqualTo("a,,\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\",5,Kovačić\n");
    }

    @Test
    void freshdesk_hours_have_two_decimals() {
        assertThat(FreshdeskCsvWriter.hundredths(125)).isEqualTo("1.25");
        assertThat(FreshdeskCsvWriter.hundredths(7)).isEqualTo("0.07");
        assertThat(FreshdeskCsvWriter.hundredths(0)).isEqualTo("0.00");
        assertThat(FreshdeskCsvWriter.hundredths(1_000)).isEqualTo("10.00");
    }

    @Test
    void iso_timestamps_are_utc_with_z_and_no_fraction() {
        assertThat(Times.isoUtc(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Times.isoUtc(1_793_610_904L)).isEqualTo("2026-11-02T09:15:04Z");
    }

    @Test
    void local_times_follow_daylight_saving() {
        Times oslo = new Times(ZoneId.of("Europe/Oslo"));
        // 2026-10-25 01:00 UTC: CEST (+2) ends; 02:30 local happens at 00:30 and at 01:30 UTC
        assertThat(oslo.local(java.time.Instant.parse("2026-10-25T00:30:00Z").getEpochSecond()))
                .isEqualTo("2026-10-25 02:30:00");
        assertThat(oslo.local(java.time.Instant.parse("2026-10-25T01:30:00Z").getEpochSecond()))
                .isEqualTo("2026-10-25 02:30:00");
        assertThat(oslo.local(java.time.Instant.parse("2026-07-01T22:05:09Z").getEpochSecond()))
                .isEqualTo("2026-07-02 00:05:09");
    }

    @Test
    void default_end_is_the_sunday_ending_the_last_complete_iso_week() {
        // Tue 2026-11-24 -> Sun 11-22; Mon 11-23 -> 11-22; Sun 11-22 (week not over) -> 11-15
        assertThat(GeneratorSettings.defaultLastDay(LocalDate.of(2026, 11, 24))).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(GeneratorSettings.defaultLastDay(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(GeneratorSettings.defaultLastDay(LocalDate.of(2026, 11, 22))).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void names_become_ascii_mail_addresses() {
        assertThat(Names.asciiLocalPart("Åse Lindqvist")).isEqualTo("ase.lindqvist");
        assertThat(Names.asciiLocalPart("Nguyễn Đức")).isEqualTo("nguyen.duc");
        assertThat(Names.asciiLocalPart("Bjørn O'Brien")).isEqualTo("bjorn.obrien");
        assertThat(Names.asciiLocalPart("สมชาย ใจดี")).isEqualTo("customer");
    }
}
