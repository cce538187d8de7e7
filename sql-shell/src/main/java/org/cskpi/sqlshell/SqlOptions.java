package org.cskpi.sqlshell;

import java.io.InputStream;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code cskpi sql} takes, the same on both of its sides: the SQL service's client (web
 * classpath, tried first) and local Spark (batch classpath, the fallback). Mixed into both
 * commands, so {@code --help} and parsing cannot drift apart.
 */
public final class SqlOptions {

    /** The commands' description, shared for the same reason. */
    public static final String SUMMARY = "Run Spark SQL over the warehouse and KPI tables.";
    public static final String DETAILS = "Through the SQL service (cskpi sql-server) when it is up, with its rules "
            + "(read-only, time limit, row cap, survey_invitations too); else on local Spark. "
            + "Views: tickets, messages, survey_responses, kpi_weekly, busiest_hours, top_complaints. "
            + "Without QUERY: read statements ending in ';' from stdin.";

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The query; omit it for a prompt.")
    String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (JSON Lines) (default: ${DEFAULT-VALUE}).")
    ResultFormat format = ResultFormat.TABLE;

    @Option(names = "--local", description = "Run on local Spark even when the SQL service is up.")
    boolean local;

    /** Whether to skip the SQL service. */
    public boolean local() {
        return local;
    }

    /**
     * Runs the query, or else every statement of {@code in}; 0 when everything ran, 1 when
     * something failed (its message is on {@code err}; a query's failure is thrown as UserError).
     */
    public int run(SparkSession spark, SqlRunner.RowCap cap, InputStream in, PrintStream out, PrintStream err,
                   boolean prompt) {
        SqlRunner runner = new SqlRunner(spark, format, out, cap);
        if (query != null) {
            runner.run(query);
            return 0;
        }
        return new SqlPrompt(runner::run, err, prompt).run(in) ? 0 : 1;
    }
}
