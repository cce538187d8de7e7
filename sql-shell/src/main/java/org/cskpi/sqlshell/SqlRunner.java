package org.cskpi.sqlshell;

import java.io.PrintStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;

/**
 * Runs one statement and prints its result, on a classic Spark session or a Spark Connect one.
 * A row cap, when there is one, prints the first rows and then fails the statement with a
 * message that says so: a capped CSV must never pass for the whole result.
 */
public final class SqlRunner {

    /** At most {@code maxRows} rows; {@code advice} is what the message adds about getting them all. */
    public record RowCap(long maxRows, String advice) {
        public static final RowCap NONE = new RowCap(Long.MAX_VALUE, "");
    }

    private final SparkSession spark;
    private final ResultFormat format;
    private final PrintStream out;
    private final RowCap cap;

    public SqlRunner(SparkSession spark, ResultFormat format, PrintStream out, RowCap cap) {
        this.spark = spark;
        this.format = format;
        this.out = out;
        this.cap = cap;
    }

    /** Throws UserError with Spark's message (first line, no stack trace) when the statement fails. */
    public void run(String statement) {
        boolean more;
        try {
            Dataset<Row> result = spark.sql(statement);
            more = format.print(cap == RowCap.NONE ? result : result.limit(Math.toIntExact(cap.maxRows() + 1)), out,
                    cap.maxRows());
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            // AnalysisException and ParseException are checked in Java's eyes; every failure
            // of the statement becomes Spark's own one-line message.
            throw new UserError(firstLine(e));
        }
        if (more) {
            throw new UserError("the result has more than " + cap.maxRows() + " rows and only the first "
                    + cap.maxRows() + " were printed; " + cap.advice());
        }
    }

    static String firstLine(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
