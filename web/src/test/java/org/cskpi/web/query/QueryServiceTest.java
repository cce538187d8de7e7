package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.USERS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryServiceTest {

    @TempDir
    static Path dir;

    private Store store;
    private QueryDatabase database;
    private QueryService queries;

    @BeforeAll
    void open() throws Exception {
        store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
        DSLContext dsl = store.dsl();
        dsl.insertInto(KPI_WEEKLY, KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI,
                        KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE, KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE)
                .values("2026-W46", "all", "all", "volume", 120.0, 120L, false, false)
                .values("2026-W47", "all", "all", "volume", 95.0, 95L, false, false)
                .execute();
        OffsetDateTime t = OffsetDateTime.parse("2026-11-20T10:00:00Z");
        dsl.insertInto(SURVEY_INVITATIONS).set(SURVEY_INVITATIONS.TOKEN_HASH, "a".repeat(64))
                .set(SURVEY_INVITATIONS.SOURCE, "zendesk").set(SURVEY_INVITATIONS.TICKET_ID, "T1")
                .set(SURVEY_INVITATIONS.CREATED_AT, t).set(SURVEY_INVITATIONS.EXPIRES_AT, t.plusDays(30)).execute();
        dsl.insertInto(USERS).set(USERS.USERNAME, "boss").set(USERS.PASSWORD_HASH, "$argon2id$x")
                .set(USERS.ROLE, "manager").set(USERS.CREATED_AT, t).execute();
        // a script that would wipe the KPIs if RUNSCRIPT ran it
        Files.writeString(dir.resolve("wipe.sql"), "DELETE FROM PUBLIC.KPI_WEEKLY;\n");
        database = QueryDatabase.open(store);
        queries = new QueryService(database, 1, 3);
    }

    @AfterAll
    void close() {
        database.close();
        store.close();
    }

    static Stream<String> writes() {
        String out = dir.resolve("out").toString().replace("'", "''");
        String wipe = dir.resolve("wipe.sql").toString().replace("'", "''");
        return Stream.of(
                "DELETE FROM kpi_weekly",
                "DELETE FROM public.kpi_weekly WHERE week = '2026-W47'",
                "DROP TABLE public.kpi_weekly",
                "DROP VIEW kpi_weekly",
                "DROP ALL OBJECTS",
                "INSERT INTO public.kpi_weekly VALUES ('2026-W48', 'all', 'all', 'volume', 1, 1, TRUE, FALSE, NULL)",
                "MERGE INTO public.users (username, password_hash, role, created_at) KEY (username) "
                        + "VALUES ('boss', 'x', 'admin', CURRENT_TIMESTAMP)",
                "UPDATE kpi_weekly SET value = 0",
                "UPDATE public.users SET role = 'admin'",
                "TRUNCATE TABLE public.kpi_weekly",
                "CREATE TABLE evil (a INT)",
                "CREATE LOCAL TEMPORARY TABLE scratch (a INT)",
                "CREATE ALIAS getprop FOR 'java.lang.System.getProperty'",
                "SET REFERENTIAL_INTEGRITY FALSE",
                "SET @x = 1",
                "CALL CSVWRITE('" + out + ".csv', 'SELECT * FROM kpi_weekly')",
                "SELECT CSVWRITE('" + out + "2.csv', 'SELECT * FROM kpi_weekly')",
                "SELECT FILE_READ('/etc/hostname')",
                "SELECT FILE_WRITE('x', '" + out + ".bin')",
                "SELECT * FROM CSVREAD('/etc/passwd')",
                "SCRIPT TO '" + out + ".sql'",
                "RUNSCRIPT FROM '" + wipe + "'",
                "SELECT * FROM LINK_SCHEMA('linked', '', 'jdbc:h2:mem:elsewhere', 'sa', '', 'PUBLIC')",
                "CREATE LINKED TABLE lt('', 'jdbc:h2:mem:elsewhere', 'sa', '', 'T')",
                "GRANT SELECT ON public.users TO cskpi_query",
                "ALTER USER cskpi_query ADMIN TRUE",
                "SHUTDOWN",
                "SELECT 1; DELETE FROM kpi_weekly",
                "SELECT 1;DROP TABLE public.kpi_weekly;",
                "SELECT ';'; DELETE FROM kpi_weekly -- ;",
                "SELECT * FROM public.users",
                "SELECT * FROM public.survey_invitations",
                "SELECT token_hash FROM survey_invitations");
    }

    @ParameterizedTest
    @MethodSource("writes")
    void anything_but_a_read_of_the_allowed_tables_is_refused_and_the_data_is_intact(String sql) {
        assertThatThrownBy(() -> queries.run(sql)).isInstanceOf(QueryRefused.class);

        DSLContext dsl = store.dsl();
        assertThat(dsl.select(KPI_WEEKLY.WEEK, KPI_WEEKLY.VALUE).from(KPI_WEEKLY).orderBy(KPI_WEEKLY.WEEK).fetch()
                .map(r -> r.value1() + "=" + r.value2())).containsExactly("2026-W46=120.0", "2026-W47=95.0");
        assertThat(dsl.select(USERS.USERNAME, USERS.ROLE).from(USERS).fetch().map(r -> r.value1() + ":" + r.value2()))
                .containsExactly("boss:manager");
        assertThat(dsl.fetchCount(SURVEY_INVITATIONS)).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wipe.sql");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(queries.run("SELECT COUNT(*) AS n FROM kpi_weekly").rows()).containsExactly(List.of("2"));
    }

    /**
     * All of {@link #writes()} but session-private scratch state (a temporary table, a session
     * variable) and batches, which only the other layers refuse (the test above).
     */
    static Stream<String> writesTheUserIsRefused() {
        return writes().filter(sql -> !sql.startsWith("CREATE LOCAL TEMPORARY") && !sql.startsWith("SET @")
                && !sql.startsWith("SELECT 1;") && !sql.startsWith("SELECT ';'"));
    }

    /** The user alone, without the executeQuery and single-statement layers, cannot write either. */
    @ParameterizedTest
    @MethodSource("writesTheUserIsRefused")
    void the_query_user_itself_cannot_write_even_with_plain_execute(String sql) throws Exception {
        try (java.sql.Connection connection = database.connection();
             java.sql.Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql)).isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(store.dsl().fetchCount(KPI_WEEKLY)).isEqualTo(2);
        assertThat(store.dsl().select(USERS.ROLE).from(USERS).fetchOne().value1()).isEqualTo("manager");
    }

    @Test
    void refusals_say_why() {
        assertThatThrownBy(() -> queries.run("DELETE FROM kpi_weekly"))
                .hasMessageContaining("Only queries can run here");
        assertThatThrownBy(() -> queries.run("SELECT 1; DELETE FROM kpi_weekly"))
                .hasMessageContaining("Only one statement");
        assertThatThrownBy(() -> queries.run("SELECT FILE_READ('/etc/hostname')"))
                .hasMessageContaining("Not allowed on this page").hasMessageContaining("Admin rights");
        assertThatThrownBy(() -> queries.run("SELECT * FROM public.users"))
                .hasMessageContaining("Not enough rights").hasMessageNotContaining("SQL statement");
    }

    static Stream<String> nestedTooDeep() {
        return Stream.of(
                "SELECT " + "(".repeat(2_000) + "1" + ")".repeat(2_000),
                "SELECT * FROM kpi_weekly WHERE " + "NOT ".repeat(20_000) + "TRUE",
                "SELECT " + "- ".repeat(40_000) + "1");
    }

    @ParameterizedTest
    @MethodSource("nestedTooDeep")
    void a_query_nested_too_deep_is_refused_with_a_message_and_the_service_goes_on(String sql) {
        assertThatThrownBy(() -> queries.run(sql)).isInstanceOf(QueryRefused.class)
                .hasMessageContaining("nested too deeply");
        assertThat(queries.run("SELECT COUNT(*) AS n FROM kpi_weekly").rows()).containsExactly(List.of("2"));
    }

    @Test
    void the_deepest_nesting_allowed_runs() {
        int max = SingleStatement.MAX_NESTING;
        assertThat(queries.run("SELECT " + "(".repeat(max) + "1" + ")".repeat(max)).rows()).containsExactly(List.of("1"));
    }

    @Test
    void a_query_reads_the_allowed_tables_under_their_own_names() {
        QueryResult result = queries.run("""
                -- a comment; with a semicolon
                SELECT week, value, 'a;b' AS text FROM kpi_weekly ORDER BY week;
                """);
        assertThat(result.columns()).containsExactly("week", "value", "text");
        assertThat(result.numeric()).containsExactly(false, true, false);
        assertThat(result.rows()).containsExactly(List.of("2026-W46", "120.0", "a;b"), List.of("2026-W47", "95.0", "a;b"));
        assertThat(result.truncated()).isFalse();
        assertThat(queries.run("SELECT ticket_id, source FROM survey_invitations").rows())
                .containsExactly(List.of("T1", "zendesk"));
    }

    @Test
    void rows_beyond_the_limit_are_cut_and_flagged() {
        // limit 3 (constructor): 10 rows exist, the first 3 are returned
        QueryResult result = queries.run("SELECT x FROM SYSTEM_RANGE(1, 10) ORDER BY x");
        assertThat(result.rows()).containsExactly(List.of("1"), List.of("2"), List.of("3"));
        assertThat(result.truncated()).isTrue();
        assertThat(queries.run("SELECT x FROM SYSTEM_RANGE(1, 3)").truncated()).isFalse();
    }

    @Test
    void a_query_over_the_time_limit_is_stopped() {
        // about 10^9 RAND() calls: far more than the 1 s limit
        assertThatThrownBy(() -> queries.run("SELECT MAX(RAND()) FROM SYSTEM_RANGE(1, 1000000000)"))
                .isInstanceOf(QueryRefused.class)
                .hasMessageContaining("longer than 1 s");
    }

    @Test
    void the_table_list_shows_the_readable_tables_without_token_hash() {
        List<TableInfo> tables = queries.tables();
        assertThat(tables).extracting(TableInfo::name).containsExactly("busiest_hours", "kpi_weekly", "runs",
                "survey_invitations", "survey_responses", "top_complaints");
        TableInfo invitations = tables.get(3);
        assertThat(invitations.columns()).extracting(TableInfo.Column::name)
                .containsExactly("id", "source", "ticket_id", "customer_id", "locale", "created_at", "expires_at");
        assertThat(tables.get(1).columns()).contains(new TableInfo.Column("value", "double precision"));
    }

    @Test
    void a_file_store_opened_with_auto_server_is_read_only_too(@TempDir Path fileDir) {
        try (Store file = Store.openMigrated("jdbc:h2:" + fileDir.resolve("cskpi"));
             QueryDatabase fileDb = QueryDatabase.open(file)) {
            QueryService fileQueries = new QueryService(fileDb, 5, 10);
            assertThat(fileQueries.run("SELECT COUNT(*) FROM runs").rows()).containsExactly(List.of("0"));
            assertThatThrownBy(() -> fileQueries.run("DROP TABLE public.runs")).isInstanceOf(QueryRefused.class);
            assertThat(file.dsl().fetchCount(org.cskpi.store.jooq.Tables.RUNS)).isZero();
        }
    }

    @Test
    void failing_analyst_sql_stays_out_of_the_h2_trace_file(@TempDir Path fileDir) throws Exception {
        try (Store file = Store.openMigrated("jdbc:h2:" + fileDir.resolve("cskpi"));
             QueryDatabase fileDb = QueryDatabase.open(file)) {
            QueryService fileQueries = new QueryService(fileDb, 5, 10);
            assertThatThrownBy(() -> fileQueries.run("SELECT churn_plan_4711 FROM kpi_weekly WHERE"))
                    .isInstanceOf(QueryRefused.class);
            assertThatThrownBy(() -> fileQueries.run("SELECT 4712 / (COUNT(*) - COUNT(*)) FROM runs"))
                    .isInstanceOf(QueryRefused.class);
            assertThatThrownBy(() -> fileQueries.run("SELECT * FROM public.users WHERE username = 'boss_4713'"))
                    .isInstanceOf(QueryRefused.class);
        }
        Path trace = fileDir.resolve("cskpi.trace.db");
        String traced = Files.exists(trace) ? Files.readString(trace) : "";
        assertThat(traced).doesNotContain("4711").doesNotContain("4712").doesNotContain("4713");
    }

    @Test
    void the_query_url_drops_admin_only_settings() {
        assertThat(QueryDatabase.queryUrl("jdbc:h2:/x/cskpi;AUTO_SERVER=TRUE;WRITE_DELAY=0;NON_KEYWORDS=VALUE,HOUR;TRACE_LEVEL_FILE=0"))
                .isEqualTo("jdbc:h2:/x/cskpi;AUTO_SERVER=TRUE;NON_KEYWORDS=VALUE,HOUR;ACCESS_MODE_DATA=r;SCHEMA=ANALYST");
    }
}
