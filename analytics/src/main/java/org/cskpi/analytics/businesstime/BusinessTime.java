package org.cskpi.analytics.businesstime;

import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.cskpi.config.BusinessClock;

/**
 * Spark columns over {@link BusinessClock}.
 *
 * <p>Why a UDF: business seconds need, per row, the local dates an interval spans, each
 * date's open interval converted to instants in the business zone (DST-aware) and holidays
 * skipped. Built-ins could do it only by exploding one row per day of every interval
 * (resolution times run to weeks, so tens of rows per ticket at 10M tickets) and joining a
 * holiday table; a deterministic, null-safe scalar function over two longs is both faster
 * and testable on its own ({@code BusinessClockTest}).
 */
public final class BusinessTime {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private BusinessTime() {
    }

    /** Business seconds in {@code [start, end)} as a double; null when either side is null. */
    public static Column businessSeconds(BusinessClock clock, Column start, Column end) {
        UserDefinedFunction udf = functions.udf(
                (UDF2<Long, Long, Double>) (from, to) -> clock.businessSeconds(instant(from), instant(to)),
                DataTypes.DoubleType);
        return when(start.isNotNull().and(end.isNotNull()), udf.apply(unix_micros(start), unix_micros(end)));
    }

    /** Whether the instant lies inside business hours; null for a null instant. */
    public static Column isOpenAt(BusinessClock clock, Column at) {
        UserDefinedFunction udf = functions.udf(
                (UDF1<Long, Boolean>) micros -> clock.isOpenAt(instant(micros)), DataTypes.BooleanType);
        return when(at.isNotNull(), udf.apply(unix_micros(at)));
    }

    /** The instant of Spark's {@code unix_micros}. */
    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }
}
