package org.cskpi.batch.sqlserver;

import java.util.concurrent.Callable;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cskpi sql-server}: the analysts' SQL service, until the process is stopped. */
@Command(name = "sql-server", mixinStandardHelpOptions = true,
        description = {"Serve Spark SQL over the warehouse to analysts' tools and /query (Spark Connect).",
            "Read-only views tickets, messages, survey_responses, survey_invitations, kpi_weekly, busiest_hours, "
                + "top_complaints; settings sql_server.* (docs/sql-server.md)."})
public final class SqlServerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        CskpiConfig config = common.config();
        SqlServer server = SqlServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cskpi-sql-server-stop"));
        System.out.println("sql-server: listening on " + config.sqlServer().url()
                + " (views " + String.join(", ", server.views().names()) + ")");
        System.out.flush();
        server.awaitTermination();
        return 0;
    }
}
