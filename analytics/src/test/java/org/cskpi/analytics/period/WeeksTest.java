package org.cskpi.analytics.period;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SharedSpark.class)
class WeeksTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** The Java side of these cases is in config's IsoWeekTest. */
    @ParameterizedTest(name = "{0} is {1}, weekday {2}, hour {3}")
    @CsvSource({
        // Sun 23:30 CET is still week 43 (in UTC it is already... no: 22:30Z Sunday, local Sunday)
        "2026-10-25T22:30:00Z, 2026-W43, 7, 23, 2026-10-25T23:00:00Z",
        // Sun 23:00Z = Mon 00:00 CET: week 44
        "2026-10-25T23:00:00Z, 2026-W44, 1, 0, 2026-11-01T23:00:00Z",
        // Sun 02:30 CEST, before the change
        "2026-10-25T00:30:00Z, 2026-W43, 7, 2, 2026-10-25T23:00:00Z",
        // ISO week-year: Thu 2026-12-31 is in 2026-W53, and so is Fri 2027-01-01
        "2026-12-31T12:00:00Z, 2026-W53, 4, 13, 2027-01-03T23:00:00Z",
        "2027-01-01T12:00:00Z, 2026-W53, 5, 13, 2027-01-03T23:00:00Z",
        // Mon 2024-12-30 belongs to 2025-W01
        "2024-12-30T12:00:00Z, 2025-W01, 1, 13, 2025-01-05T23:00:00Z",
    })
    void spark_columns_agree_with_iso_weeks(String at, String week, int weekday, int hour, String end, SparkSession spark) {
        Instant instant = Instant.parse(at);
        StructType schema = new StructType().add("t", DataTypes.TimestampType);
        Row row = spark.createDataFrame(List.of(RowFactory.create(Timestamp.from(instant))), schema)
                .select(Weeks.isoWeek(col("t"), OSLO), Weeks.isoWeekday(col("t"), OSLO), Weeks.hourOfDay(col("t"), OSLO),
                        Weeks.weekEnd(col("t"), OSLO))
                .first();
        assertThat(row.getString(0)).isEqualTo(week);
        assertThat(row.getInt(1)).isEqualTo(weekday);
        assertThat(row.getInt(2)).isEqualTo(hour);
        assertThat(((Timestamp) row.get(3)).toInstant()).isEqualTo(Instant.parse(end));
    }

    @Test
    void a_week_range_rejects_malformed_impossible_and_backward_weeks() {
        assertThatThrownBy(() -> new WeekRange(Optional.of("2026-47"), Optional.empty())).hasMessageContaining("2026-W47");
        assertThatThrownBy(() -> new WeekRange(Optional.empty(), Optional.of("2025-W53")))
                .hasMessageContaining("52 ISO weeks");
        assertThatThrownBy(() -> new WeekRange(Optional.of("2026-W10"), Optional.of("2026-W02")))
                .hasMessageContaining("after");
    }

    @Test
    void a_week_range_compares_weeks_in_their_stored_text() {
        WeekRange range = new WeekRange(Optional.of(" 2026-W09"), Optional.of("2026-W10"));
        assertThat(range.from()).contains("2026-W09");
        assertThat(range.contains("2026-W09")).isTrue();
        assertThat(range.contains("2026-W11")).isFalse();
        assertThat(range).hasToString("2026-W09 to 2026-W10");
    }
}
