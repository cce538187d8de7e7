package org.cskpi.batch.sql;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.sql.SqlViews;
import org.cskpi.batch.BatchRun;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.sqlshell.SqlOptions;
import org.cskpi.sqlshell.SqlRunner.RowCap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cskpi sql} on local Spark: what the launcher runs when the SQL service's client (the
 * command's web side, {@code org.cskpi.web.query.ServiceSqlCommand}) finds no service, or with
 * {@code --local}. With a query, prints its result on stdout and nothing else; a failing query
 * prints Spark's message as one line on stderr and exits 1. Without one, reads statements from
 * stdin, each ended by {@code ;}.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = {SqlOptions.SUMMARY, SqlOptions.DETAILS})
public final class SqlCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SqlOptions sql;

    @Override
    public Integer call() {
        CskpiConfig config = common.config();
        try (BatchRun run = BatchRun.open(config, "sql")) {
            SparkSession spark = run.spark();
            spark.conf().set("spark.sql.session.timeZone", "UTC");
            SqlViews.register(spark, config.warehouse(), run.store().dsl());
            return sql.run(spark, RowCap.NONE, System.in, System.out, System.err, System.console() != null);
        }
    }
}
