package org.cskpi.web.query;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.connect.SparkSession;
import org.cskpi.cli.Cli;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.sqlshell.SqlOptions;
import org.cskpi.sqlshell.SqlRunner.RowCap;
import org.sparkproject.io.grpc.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cskpi sql} through the SQL service ({@code cskpi sql-server}), the side the launcher
 * tries first. When no service answers with this config's token (none is set, none listens,
 * or it refuses the token: another data directory's service), or with {@code --local}, it
 * declines with {@link Cli#ELSEWHERE} before reading any input, and the launcher runs the
 * command on local Spark ({@code org.cskpi.batch.sql.SqlCommand}). Output is the same on both
 * sides ({@link SqlOptions}); the service adds its rules: read-only, its time limit and its row
 * cap, past which the command fails after printing the first rows.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = {SqlOptions.SUMMARY, SqlOptions.DETAILS})
public final class ServiceSqlCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SqlOptions sql;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean prompt;

    public ServiceSqlCommand() {
        this(System.in, System.out, System.err, System.console() != null);
    }

    ServiceSqlCommand(InputStream in, PrintStream out, PrintStream err, boolean prompt) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.prompt = prompt;
    }

    @Override
    public Integer call() {
        if (sql.local()) {
            return Cli.ELSEWHERE;
        }
        CskpiConfig.SqlServer server = common.config().sqlServer();
        Optional<String> token = server.token();
        if (token.isEmpty()) {
            return Cli.ELSEWHERE;
        }
        quietClientLogs();
        SparkSession session = ConnectSessions.open(server, token.get(), System.getProperty("user.name", "cskpi"));
        try {
            // The first round trip: the service answers, or we go local.
            session.conf().set("spark.sql.session.timeZone", "UTC");
        } catch (Exception e) { // the client's SparkException is checked, though Java is not told
            // No session to release there: closing would only log the same failure again.
            err.println("cskpi: " + whyNot(server, e) + "; running on local Spark.");
            return Cli.ELSEWHERE;
        }
        try {
            return sql.run(session, new RowCap(server.maxRows(), "the SQL service returns at most "
                    + "sql_server.max_rows rows; ./cskpi sql --local prints them all"), in, out, err, prompt);
        } finally {
            closeQuietly(session);
        }
    }

    static String whyNot(CskpiConfig.SqlServer server, Exception e) {
        String message = String.valueOf(e.getMessage());
        Status.Code code = SqlService.statusOf(e, message);
        if (code == Status.Code.UNAVAILABLE) {
            return "no SQL service at " + server.url();
        }
        if (code == Status.Code.UNAUTHENTICATED) {
            return "the SQL service at " + server.url() + " refused sql_server.token (it serves another data directory?)";
        }
        return "the SQL service at " + server.url() + " did not answer (" + SqlService.firstLine(message) + ")";
    }

    /**
     * Closing the session logs the service's known ML-cache error on release
     * (docs/sql-server.md), a result stream's late release and Arrow's accounting of the
     * client's buffers, as warnings with stack traces: noise to someone whose query has already
     * printed, and every failure that matters reaches the command as an exception. Set before
     * the client's loggers exist.
     */
    private static void quietClientLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.sql.connect", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.sparkproject.org.apache.arrow.memory", "off");
    }

    private static void closeQuietly(SparkSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            // The service is gone or never was: there is no session there to release.
        }
    }
}
