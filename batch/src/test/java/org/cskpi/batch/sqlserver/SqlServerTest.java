package org.cskpi.batch.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SchedulingMode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL service's own session, as every Spark Connect session of it is (a clone carrying the
 * same extension): what it serves, what it refuses, its time limit. Runs in a JVM of its own
 * (batch/pom.xml), since the extension is fixed when the JVM's Spark session is built.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlServerTest {

    private static final StructType HOURS = new StructType(new StructField[] {
        DataTypes.createStructField("week", DataTypes.StringType, false),
        DataTypes.createStructField("weekday", DataTypes.IntegerType, false),
        DataTypes.createStructField("hour", DataTypes.IntegerType, false),
        DataTypes.createStructField("tickets", DataTypes.LongType, false),
    });

    private static final String TOKEN = "test-token-0123456789";
    private static final int TIMEOUT_SECONDS = 10;

    @TempDir
    static Path dir;

    private CskpiConfig config;
    private SqlServer server;

    @BeforeAll
    void start() throws IOException {
        CskpiConfig defaults = CskpiConfig.defaults(dir);
        config = defaults.withSqlServer(new CskpiConfig.SqlServer("127.0.0.1", freePort(),
                Optional.of(TOKEN), false, TIMEOUT_SECONDS, 5));
        server = SqlServer.start(config);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A Connect session is a new session of the service's one. */
    private SparkSession analyst() {
        return server.session().newSession();
    }

    @Test
    void serves_the_views_of_cskpi_sql_and_the_invitations_without_tokens() {
        assertThat(server.views().names()).containsExactlyInAnyOrder("tickets", "messages", "kpi_weekly",
                "busiest_hours", "top_complaints", "survey_responses", "survey_invitations");
        assertThat(analyst().sql("SELECT count(*) FROM tickets").first().getLong(0)).isZero();
        assertThat(analyst().sql("SELECT * FROM survey_invitations").columns())
                .containsExactly("invitation_id", "source", "ticket_id", "locale", "sent_at", "is_answered");
    }

    @Test
    void queries_may_join_a_view_to_itself_and_use_range_and_explain() {
        assertThat(analyst().sql("SELECT count(*) FROM tickets a JOIN tickets b ON a.ticket_id = b.ticket_id")
                .first().getLong(0)).isZero();
        assertThat(analyst().sql("SELECT sum(id) FROM range(10)").first().getLong(0)).isEqualTo(45L);
        assertThat(analyst().sql("EXPLAIN SELECT * FROM tickets").first().getString(0)).contains("Physical Plan");
        SparkSession session = analyst();
        session.sql("SET spark.sql.session.timeZone = Europe/Oslo");
        assertThat(session.conf().get("spark.sql.session.timeZone")).isEqualTo("Europe/Oslo");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t (a INT) USING parquet",
        "CREATE TABLE t USING parquet AS SELECT * FROM tickets",
        "INSERT OVERWRITE DIRECTORY '/tmp/cskpi-out' USING parquet SELECT * FROM tickets",
        "CREATE TEMPORARY VIEW v AS SELECT 1",
        "DROP VIEW IF EXISTS tickets",
        "CACHE TABLE tickets",
        "CACHE TABLE c AS SELECT * FROM tickets",
        "UNCACHE TABLE IF EXISTS tickets",
        "ADD JAR /tmp/cskpi-missing.jar",
        "ADD FILE /etc/hostname",
        "CREATE FUNCTION f AS 'java.lang.String'",
        "CREATE TEMPORARY FUNCTION plus_one(x INT) RETURNS INT RETURN x + 1",
        "DECLARE VARIABLE v INT DEFAULT 1",
        "SET spark.sql.runSQLOnFiles = true",
        "SET spark.connect.authenticate.token",
        "SET",
        "RESET",
        "USE default",
        "SELECT reflect('java.lang.System', 'getProperty', 'user.name')",
        "SELECT java_method('java.lang.System', 'getProperty', 'user.name')",
        "SELECT try_reflect('java.lang.System', 'getProperty', 'user.name')",
        "SELECT * FROM tickets WHERE ticket_id IN (SELECT java_method('java.lang.System', 'getProperty', 'user.name'))",
        "WITH x AS (SELECT reflect('java.util.UUID', 'randomUUID') AS u) SELECT u FROM x",
    })
    void refuses_everything_but_a_query_over_the_served_views(String statement) {
        assertThatThrownBy(() -> analyst().sql(statement).collectAsList())
                .hasMessageContaining("Refused:");
    }

    @Test
    void the_token_cannot_be_read_through_sql() {
        // /query's analysts send only SQL and do not hold the token: ${key} must not reveal it.
        assertThat(analyst().sql("SELECT '${spark.connect.authenticate.token}' AS t").first().getString(0))
                .as("no substitution").isEqualTo("${spark.connect.authenticate.token}");
        assertThatThrownBy(() -> analyst().sql("SET spark.sql.variable.substitute = true").collectAsList())
                .hasMessageContaining("Refused:");
    }

    @Test
    void refuses_a_file_named_in_the_query_and_a_dataframe_read() {
        assertThatThrownBy(() -> analyst().sql("SELECT * FROM text.`/etc/hostname`").collectAsList())
                .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
        // read_files is Databricks' (open-source Spark 4.2 has no such function): not found either way.
        assertThatThrownBy(() -> analyst().sql("SELECT * FROM read_files('/etc/hostname')").collectAsList())
                .hasMessageContaining("UNRESOLVABLE_TABLE_VALUED_FUNCTION");
        assertThatThrownBy(() -> analyst().read().text("/etc/hostname").collectAsList())
                .hasMessageContaining("Refused: only the served views can be read");
    }

    @Test
    void stops_a_query_that_runs_past_the_time_limit_and_serves_the_next() {
        SparkSession connectLike = analyst();
        // what Spark Connect tags every job of an operation with
        connectLike.addTag("SparkConnect_OperationTag_User_test_Session_1_Operation_1");
        long started = System.nanoTime();
        assertThatThrownBy(() -> connectLike.sql("SELECT max(id % 1000) FROM range(0, 1000000000000)").collectAsList())
                .hasMessageContaining("the query ran longer than " + TIMEOUT_SECONDS + " s and was stopped");
        assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(TIMEOUT_SECONDS + 12.0);
        assertThat(analyst().sql("SELECT 1").first().getInt(0)).isEqualTo(1);
    }

    @Test
    void each_user_has_a_fair_pool_and_a_runaway_query_does_not_hold_up_another_users_select_1() throws Exception {
        JobPools jobs = new JobPools();
        server.session().sparkContext().addSparkListener(jobs);
        int port = config.sqlServer().port();
        try (ConnectClient a = ConnectClient.to(port, TOKEN, "analyst-a");
             ConnectClient b = ConnectClient.to(port, TOKEN, "analyst-b")) {
            // A cold JVM on a busy machine can take longer than the time limit for its first job.
            server.session().sql("SELECT 1").collectAsList();
            b.sql("SELECT 1");
            // Thousands of short tasks, far more than the cores: waiting tasks are what pools order.
            long runawayStarted = System.nanoTime();
            CompletableFuture<Void> runaway = CompletableFuture.runAsync(
                    () -> a.sql("SELECT max(id % 1000) FROM range(0, 200000000000, 1, 4000)"));
            // past the burst of submitting its tasks: what is measured is the runaway running
            jobs.awaitTaskOf("analyst-a", Duration.ofSeconds(TIMEOUT_SECONDS));

            long started = System.nanoTime();
            b.sql("SELECT 1");
            double selectOneSeconds = (System.nanoTime() - started) / 1e9;
            boolean runawayStillRunning = !runaway.isDone();

            assertThatThrownBy(() -> runaway.get(120, TimeUnit.SECONDS))
                    .hasMessageContaining("the query ran longer than " + TIMEOUT_SECONDS + " s");
            double runawaySeconds = (System.nanoTime() - runawayStarted) / 1e9;
            // Relative to the runaway, not absolute: the machine's load sets both. Queued behind
            // the runaway's waiting tasks, SELECT 1 would have ended with or after it.
            assertThat(runawayStillRunning).isTrue();
            assertThat(selectOneSeconds).isLessThan(runawaySeconds / 3);
        } finally {
            server.session().sparkContext().removeSparkListener(jobs);
        }
        assertThat(jobs.poolsOf("analyst-a")).isNotEmpty().containsOnly("user:analyst-a");
        assertThat(jobs.poolsOf("analyst-b")).hasSizeGreaterThanOrEqualTo(2).containsOnly("user:analyst-b");
        assertThat(server.session().sparkContext().getPoolForName("user:analyst-b").get().schedulingMode())
                .isEqualTo(SchedulingMode.FAIR());
    }

    @Test
    void a_call_with_a_wrong_token_gets_neither_an_answer_nor_a_pool() throws Exception {
        try (ConnectClient intruder = ConnectClient.to(config.sqlServer().port(), "wrong-token-0123456789", "intruder")) {
            assertThatThrownBy(() -> intruder.sql("SELECT 1")).hasMessageContaining("UNAUTHENTICATED");
        }
        assertThat(server.session().sparkContext().getPoolForName("user:intruder").isEmpty()).isTrue();
    }

    @Test
    void a_small_warehouse_is_served_from_memory_and_its_sessions_skip_adaptive_planning() throws Exception {
        assertThat(server.session().sharedState().cacheManager().isEmpty()).isFalse();
        try (ConnectClient small = ConnectClient.to(config.sqlServer().port(), TOKEN, "small")) {
            small.sql("SELECT 1");
            assertThat(small.session().conf().get("spark.sql.adaptive.enabled")).isEqualTo("false");
            assertThat(small.session().conf().get("spark.sql.shuffle.partitions")).isEqualTo("1");

            // Past the limit (0: off), the next run's views are read from their files
            // and every session gets its settings back before its next query.
            server.session().conf().set("spark.cskpi.smallInputBytes", "0");
            try {
                publishBusiestHours(3L);
                assertThat(server.session().sharedState().cacheManager().isEmpty()).isTrue();
                small.sql("SELECT 1");
                assertThat(small.session().conf().get("spark.sql.adaptive.enabled")).isEqualTo("true");
                assertThat(small.session().conf().get("spark.sql.shuffle.partitions"))
                        .isEqualTo(String.valueOf(config.spark().shufflePartitions()));
            } finally {
                server.session().conf().unset("spark.cskpi.smallInputBytes");
            }
            publishBusiestHours(4L);
            assertThat(server.session().sharedState().cacheManager().isEmpty()).isFalse();
            small.sql("SELECT 1");
            assertThat(small.session().conf().get("spark.sql.adaptive.enabled")).isEqualTo("false");
        }
    }

    @Test
    void a_run_that_leaves_the_tickets_as_they_were_keeps_them_in_memory() {
        publishBusiestHours(5L);
        publishBusiestHours(6L);
        // tickets did not change in either run: the view built for them is still the cached one
        assertThat(server.session().sharedState().cacheManager()
                .lookupCachedData((org.apache.spark.sql.classic.SparkSession) server.session(), server.views().plan("tickets").orElseThrow()).isDefined()).isTrue();
    }

    @Test
    void an_analysts_own_shuffle_partitions_outlast_the_small_warehouse_settings() {
        RuntimeConfig session = analyst().conf();
        String adaptiveBefore = session.get("spark.sql.adaptive.enabled");
        SmallSnapshot.follow(session, true);
        assertThat(session.get("spark.sql.shuffle.partitions")).isEqualTo("1");

        session.set("spark.sql.shuffle.partitions", "3");
        SmallSnapshot.follow(session, true);
        assertThat(session.get("spark.sql.shuffle.partitions")).isEqualTo("3");
        SmallSnapshot.follow(session, false);
        assertThat(session.get("spark.sql.shuffle.partitions")).isEqualTo("3");
        assertThat(session.get("spark.sql.adaptive.enabled")).isEqualTo(adaptiveBefore).isNotEqualTo("false");
    }

    /** Records a run whose busiest_hours holds one cell of {@code tickets}, and refreshes the service. */
    private void publishBusiestHours(long tickets) {
        SparkSession spark = SparkSession.builder().create();
        try (Store store = Store.openMigrated(config.storeUrl(), config.storePassword())) {
            RunLog runs = new RunLog(store.dsl(), java.time.Clock.systemUTC());
            Warehouse warehouse = Warehouse.at(spark, config.warehouse(), runs.versions());
            Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("2026-W11", 2, 10, tickets)), HOURS);
            Path written = Path.of(warehouse.replace("busiest_hours", rows).toUri().getPath());
            long run = runs.start("analyze");
            runs.succeeded(run, RunLog.Counts.NONE, "test", Map.of("busiest_hours", written.getFileName().toString()));
            assertThat(server.refreshNow()).isTrue();
        }
    }

    @Test
    void switches_to_a_run_only_when_the_store_has_published_it_and_never_under_a_query() {
        // The run writes with a session of its own: the service's sessions cannot write.
        SparkSession spark = SparkSession.builder().create();
        try (Store store = Store.openMigrated(config.storeUrl(), config.storePassword())) {
            RunLog runs = new RunLog(store.dsl(), java.time.Clock.systemUTC());
            Warehouse warehouse = Warehouse.at(spark, config.warehouse(), runs.versions());
            Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("2026-W10", 1, 9, 7L)), HOURS);
            Path written = Path.of(warehouse.replace("busiest_hours", rows).toUri().getPath());
            String query = "SELECT coalesce(sum(tickets), 0) FROM busiest_hours";

            assertThat(server.refreshNow()).isFalse();
            long before = analyst().sql(query).first().getLong(0);
            assertThat(before).isNotEqualTo(7L);

            Dataset<Row> analysedBefore = analyst().sql(query);
            long run = runs.start("analyze");
            runs.succeeded(run, RunLog.Counts.NONE, "test", Map.of("busiest_hours", written.getFileName().toString()));
            assertThat(server.refreshNow()).isTrue();

            assertThat(analyst().sql(query).first().getLong(0)).isEqualTo(7L);
            assertThat(analysedBefore.first().getLong(0)).isEqualTo(before);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
