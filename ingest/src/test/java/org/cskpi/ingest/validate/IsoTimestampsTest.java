package org.cskpi.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-03-02T09:00:00Z", "2026-03-02T09:00Z", "2026-03-02T09:00:00.5Z", "2026-03-02T09:00:00.123456789Z",
        "2026-03-02T09:00:00+05:00", "2026-03-02T09:00:00-03:30", "2026-12-31T23:59:59+14:00",
        "2024-02-29T00:00:00", "2026-03-02T09:00", "2026-03-02", "2024-02-29"})
    void reads_common_shapes_to_what_the_iso_formatters_read(String text) {
        Temporal fast = IsoTimestamps.read(text);
        assertThat(fast).as("fast path handles %s", text).isNotNull();
        assertThat(normalise(fast)).isEqualTo(normalise(formatterValue(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // handed to the formatters (which read some of them and refuse the others)
        "2026-03-02T09:00:00+05:00[Asia/Karachi]", "2026-03-02T09:00:00+05:00:30", "+12026-03-02T09:00:00Z",
        "2026-02-30", "2026-13-01T00:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T09:60:00Z",
        "2026-03-02T09:00:00.Z", "2026-03-02T09:00:00.1234567891Z", "2026-03-02 09:00:00", "2026-03-02T09:00:00+0500",
        "2026-3-02", "2026-03-02T9:00", "2026-03-02T09:00:00z", "yesterday", "2026-03-02T09:00:00+19:00"})
    void leaves_other_shapes_to_the_formatters(String text) {
        assertThat(IsoTimestamps.read(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02 09:00:00", "2026-03-02 09:00:00.25", "2026-03-02 09:00:00.123456",
        "2026-03-02 09:00", "2026-03-02 09:00:00Z"})
    void reads_a_space_for_the_t_only_when_asked(String text) {
        Temporal withT = IsoTimestamps.read(text.replace(' ', 'T'));
        assertThat(IsoTimestamps.read(text, true)).isNotNull().isEqualTo(withT);
        assertThat(IsoTimestamps.read(text)).isNull();
    }

    private static TemporalAccessor formatterValue(String text) {
        try {
            return DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        }
    }

    private static Object normalise(TemporalAccessor value) {
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value;
    }
}
