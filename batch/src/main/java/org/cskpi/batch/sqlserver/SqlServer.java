package org.cskpi.batch.sqlserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.Sessions;
import org.cskpi.store.Store;

/**
 * The analysts' SQL service (docs/sql-server.md): a Spark Connect server over the warehouse,
 * on the configured {@code spark.master}, that serves the views of {@code cskpi sql} plus
 * {@code survey_invitations}, read-only ({@link ReadOnlyCheck}, {@link ConnectGuard}), with a
 * per-query time limit ({@link QueryTimeLimit}), a row cap, fair sharing of the cores between
 * users ({@link UserPools}), and token authentication.
 */
public final class SqlServer implements AutoCloseable {

    /** How often the store is asked whether a run published new versions. */
    static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

    private final SparkSession spark;
    private final Store store;
    private final ServedViews views;
    private final ViewRefresher refresher;
    private final QueryTimeLimit timeLimit;
    private final ScheduledExecutorService refreshing;

    private SqlServer(SparkSession spark, Store store, ServedViews views, ViewRefresher refresher,
                      QueryTimeLimit timeLimit) {
        this.spark = spark;
        this.store = store;
        this.views = views;
        this.refresher = refresher;
        this.timeLimit = timeLimit;
        this.refreshing = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cskpi-view-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Builds the service's session with the views of now and starts listening. */
    public static SqlServer start(CskpiConfig config) {
        CskpiConfig.SqlServer settings = config.sqlServer();
        String token = settings.token().orElseThrow(() -> new UserError(
                "sql_server.token is not set: the SQL service needs a token that its clients present "
                        + "(docs/sql-server.md#security-model; ./cskpi demo writes one)"));
        ServedViews views = new ServedViews();
        SparkSession spark = SparkSession.builder()
                .config(conf(config, token))
                .withExtensions(new ReadOnlyExtension(views))
                .getOrCreate();
        CaseMappingWarmUp.startFor(spark);
        Store store = Store.openMigrated(config.storeUrl(), config.storePassword());
        ViewRefresher refresher = new ViewRefresher(spark, config.warehouse(), store.dsl(), views);
        refresher.refresh();
        QueryTimeLimit timeLimit = QueryTimeLimit.watch(spark.sparkContext(),
                Duration.ofSeconds(settings.queryTimeoutSeconds()));
        SparkConnectService$.MODULE$.start(spark.sparkContext());
        SqlServer server = new SqlServer(spark, store, views, refresher, timeLimit);
        server.refreshing.scheduleWithFixedDelay(server::refreshQuietly,
                REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return server;
    }

    /** The session settings: the batch ones (spark.master, ...) plus the service's own. */
    static SparkConf conf(CskpiConfig config, String token) {
        CskpiConfig.SqlServer settings = config.sqlServer();
        SparkConf conf = Sessions.conf(config, "sql-server", new SparkConf(true));
        conf.set("spark.master", withSpareSlots(conf.get("spark.master"), Runtime.getRuntime().availableProcessors()));
        conf.set("spark.connect.grpc.binding.address", settings.host());
        conf.set("spark.connect.grpc.binding.port", String.valueOf(settings.port()));
        conf.set("spark.connect.authenticate.token", token);
        // In reverse order of running: the guard refuses first, then the session gets its user's pool.
        conf.set("spark.connect.grpc.interceptor.classes",
                UserPoolAssigner.class.getName() + "," + ConnectGuard.class.getName());
        conf.set(ConnectGuard.MAX_ROWS, String.valueOf(settings.maxRows()));
        // ${key} in SQL would be replaced by any setting's value, the token's among them.
        conf.set("spark.sql.variable.substitute", "false");
        // No file is read by naming it in SQL (csv.`/path`); the read-only check refuses it too.
        conf.set("spark.sql.runSQLOnFiles", "false");
        // Users share the cores, each in a pool of their own (UserPools): a runaway query's
        // waiting tasks do not queue another analyst's SELECT 1.
        conf.set("spark.scheduler.mode", "FAIR");
        conf.set("spark.scheduler.allocation.file", fairPool().toString());
        conf.set("spark.job.interruptOnCancel", "true");
        return conf;
    }

    /** Task slots per core of a local master (see {@link #withSpareSlots}). */
    static final int SLOTS_PER_CORE = 4;
    private static final Pattern LOCAL_MASTER = Pattern.compile("local(?:\\[(\\*|\\d+)])?");

    /**
     * A local master with {@link #SLOTS_PER_CORE} task slots per core; any other master as it
     * is. Spark never pre-empts a running task, and a pool only decides who gets the next free
     * slot: with one slot per core, a runaway query's few long tasks (a cross join) take every
     * slot and another analyst's SELECT 1 waits for the time limit. A slot is a thread, so spare
     * ones let the short query start at once and share the cores through the OS.
     */
    static String withSpareSlots(String master, int cores) {
        Matcher local = LOCAL_MASTER.matcher(master);
        if (!local.matches()) {
            return master;
        }
        String threads = local.group(1);
        int slots = threads == null ? 1 : threads.equals("*") ? cores : Integer.parseInt(threads);
        return "local[" + slots * SLOTS_PER_CORE + "]";
    }

    /**
     * The default pool, fair between the jobs in it (Spark's default pool is first-in first-out),
     * for the service's own jobs; the users' pools are added as users come (UserPools).
     */
    private static Path fairPool() {
        try {
            Path file = Files.createTempFile("cskpi-fair-pool", ".xml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    <?xml version="1.0"?>
                    <allocations>
                      <pool name="default"><schedulingMode>FAIR</schedulingMode><weight>1</weight><minShare>0</minShare></pool>
                    </allocations>
                    """, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scheduler's pool file", e);
        }
    }

    private void refreshQuietly() {
        try {
            if (refresher.refresh()) {
                System.err.println("sql-server: now serving " + views.signature());
            }
        } catch (RuntimeException e) {
            // The views stay on the last good snapshot; the next refresh tries again.
            System.err.println("sql-server: cannot refresh the views: " + e.getMessage());
        }
    }

    /** The service's own session (tests run statements through it as a Connect session would). */
    public SparkSession session() {
        return spark;
    }

    /** Refreshes now (tests; the service itself refreshes every {@link #REFRESH_EVERY}). */
    boolean refreshNow() {
        return refresher.refresh();
    }

    ServedViews views() {
        return views;
    }

    /** Blocks until the service is stopped. */
    public void awaitTermination() throws InterruptedException {
        SparkConnectService$.MODULE$.server().awaitTermination();
    }

    @Override
    public void close() {
        refreshing.shutdownNow();
        timeLimit.close();
        try {
            SparkConnectService$.MODULE$.stop(scala.Option.empty(), scala.Option.empty());
        } finally {
            try {
                store.close();
            } finally {
                spark.stop();
            }
        }
    }
}
