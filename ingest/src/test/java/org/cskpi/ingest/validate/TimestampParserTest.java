package org.cskpi.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cskpi.ingest.validate.TimestampParser.Dst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParserTest {

    private final TimestampParser oslo = new TimestampParser(ZoneId.of("Europe/Oslo"),
            List.of("dd-MM-yyyy HH:mm", "dd MMM yyyy h:mm a", "dd/MM/yyyy"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // pattern 1, local time in Oslo, winter (UTC+1)
        "'05-01-2026 10:30', 2026-01-05T09:30:00Z, NONE",
        // pattern 2, English month and am/pm, summer (UTC+2)
        "'05 Jul 2026 3:15 PM', 2026-07-05T13:15:00Z, NONE",
        // pattern 3: a date alone is midnight in the zone
        "'24/12/2026', 2026-12-23T23:00:00Z, NONE",
        // ISO-8601 last: with offset, with zone Z, without offset, date only
        "'2026-03-02T09:00:00+05:00', 2026-03-02T04:00:00Z, NONE",
        "'2026-03-02T09:00:00.250Z', 2026-03-02T09:00:00.250Z, NONE",
        "'2026-03-02T09:00:00', 2026-03-02T08:00:00Z, NONE",
        "'2026-03-02', 2026-03-01T23:00:00Z, NONE",
        // 2026-03-29 02:30 does not exist in Oslo (clocks jump 02:00 -> 03:00): moved forward by the gap
        // to 03:30+02:00 = 01:30Z.
        "'29-03-2026 02:30', 2026-03-29T01:30:00Z, GAP",
        // 2026-10-25 02:30 happens twice (03:00 -> 02:00): the earlier offset, +02:00, = 00:30Z.
        "'25-10-2026 02:30', 2026-10-25T00:30:00Z, OVERLAP",
    })
    void reads_patterns_in_order_then_iso(String text, String expected, Dst dst) {
        TimestampParser.Parsed parsed = oslo.parse(text);
        assertThat(parsed.instant()).isEqualTo(Instant.parse(expected));
        assertThat(parsed.dst()).isEqualTo(dst);
    }

    @Test
    void reads_timestamps_as_cskpi_sql_prints_them_only_when_asked() {
        TimestampParser sql = new TimestampParser(ZoneId.of("Europe/Oslo"), List.of(), true);
        assertThat(sql.parse("2026-03-02 09:00:00.5").instant()).isEqualTo(Instant.parse("2026-03-02T08:00:00.5Z"));
        assertThat(oslo.parse("2026-03-02 09:00:00.5")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2026-13-01", "02/03/26 10:00", "'2026-03-02 09:00'"})
    void unreadable_text_is_null(String text) {
        assertThat(oslo.parse(text)).isNull();
    }
}
