package org.cskpi.batch.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.sql.ResultFormat;
import org.cskpi.analytics.sql.SqlRunner;
import org.cskpi.analytics.sql.SqlViews;
import org.cskpi.batch.BatchRun;
import org.cskpi.cli.CommonOptions;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cskpi sql}: Spark SQL over the warehouse and KPI tables. With a query, prints its
 * result on stdout and nothing else; a failing query prints Spark's message as one line on
 * stderr and exits 1. Without one, reads statements from stdin, each ended by {@code ;}.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run Spark SQL over the warehouse and KPI tables.",
            "Views: tickets, messages, survey_responses, kpi_weekly, busiest_hours, top_complaints. "
                + "Without QUERY: read statements ending in ';' from stdin."})
public final class SqlCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The query; omit it for a prompt.")
    String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (JSON Lines) (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Override
    public Integer call() {
        CskpiConfig config = common.config();
        try (BatchRun run = BatchRun.open(config, "sql")) {
            SparkSession spark = run.spark();
            spark.conf().set("spark.sql.session.timeZone", "UTC");
            SqlViews.register(spark, config.warehouse(), run.store().dsl());
            SqlRunner runner = new SqlRunner(spark, format, System.out);
            if (query != null) {
                runner.run(query);
                return 0;
            }
            return interactive(runner, System.err) ? 0 : 1;
        }
    }

    /** Runs each ';'-terminated statement of stdin; errors are reported and the prompt goes on. */
    private static boolean interactive(SqlRunner runner, PrintStream err) {
        boolean prompt = System.console() != null;
        boolean allOk = true;
        StringBuilder statement = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            if (prompt) {
                err.print("sql> ");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                statement.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String text = statement.toString().strip();
                    statement.setLength(0);
                    allOk &= runOne(runner, text.substring(0, text.length() - 1), err);
                }
                if (prompt) {
                    err.print(statement.isEmpty() ? "sql> " : "  -> ");
                }
            }
            if (!statement.toString().isBlank()) {
                allOk &= runOne(runner, statement.toString(), err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
        return allOk;
    }

    private static boolean runOne(SqlRunner runner, String text, PrintStream err) {
        if (text.isBlank()) {
            return true;
        }
        try {
            runner.run(text);
            return true;
        } catch (UserError e) {
            err.println("cskpi: " + e.getMessage());
            return false;
        }
    }
}
