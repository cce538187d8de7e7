package org.cskpi.analytics.sql;

import java.io.PrintStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;

/** Runs one statement over the registered views and prints its result. */
public final class SqlRunner {

    private final SparkSession spark;
    private final ResultFormat format;
    private final PrintStream out;

    public SqlRunner(SparkSession spark, ResultFormat format, PrintStream out) {
        this.spark = spark;
        this.format = format;
        this.out = out;
    }

    /** Throws UserError with Spark's message (first line, no stack trace) when the statement fails. */
    public void run(String statement) {
        try {
            Dataset<Row> result = spark.sql(statement);
            format.print(result, out);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            // AnalysisException and ParseException are checked in Java's eyes; every failure
            // of the statement becomes Spark's own one-line message.
            throw new UserError(firstLine(e));
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
