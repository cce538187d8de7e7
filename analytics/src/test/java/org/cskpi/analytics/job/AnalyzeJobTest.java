package org.cskpi.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.ANSWER_TICKETS;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.fixture.AcceptanceFixture;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.store.RunVersions;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole analyze run on the acceptance fixture: warehouse in, KPI store out. */
@ExtendWith(SharedSpark.class)
class AnalyzeJobTest {

    static final Set<String> KPI_NAMES = Set.of("volume", "frt_median_s", "frt_p90_s", "frt_mean_s",
            "frt_business_median_s", "frt_business_p90_s", "frt_within_target_rate", "unanswered",
            "resolution_time_median_s", "resolution_time_p90_s", "resolution_time_mean_s",
            "resolution_time_business_median_s", "full_resolution_time_median_s", "resolution_rate",
            "resolution_rate_7d", "one_touch_rate", "reopen_rate", "repeat_contact_rate", "repeat_customer_rate",
            "backlog", "after_hours_share", "nps", "nps_responses", "nps_promoters", "nps_passives",
            "nps_detractors", "nps_margin_of_error", "nps_response_rate");

    @TempDir
    Path dir;
    Store store;
    CskpiConfig config;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        Path file = dir.resolve("cskpi.yaml");
        Files.writeString(file, """
                business:
                  timezone: Europe/Oslo
                  holidays: [2026-10-27]
                """);
        config = CskpiConfig.load(Optional.of(file), dir);
        store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private AnalyzeJob job(SparkSession spark) {
        return new AnalyzeJob(spark, config, store, new PrintStream(progress, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
    }

    private void surveyAnswers() {
        // T01's invitation answered 10 in W43, T13's answered 10 in W44, T14's unanswered; one import.
        long t01 = invitation("T01", "2026-10-19T10:00:00Z");
        long t13 = invitation("T13", "2026-10-26T12:00:00Z");
        invitation("T14", "2026-10-26T10:20:00Z");
        answer(t01, "T01", 10, "2026-10-19T12:00:00Z", "survey", "great");
        answer(t13, "T13", 10, "2026-10-26T13:00:00Z", "survey", null);
        answer(null, "T19", 3, "2026-10-31T12:00:00Z", "import", "late parcel");
    }

    private long invitation(String ticket, String sentAt) {
        OffsetDateTime sent = OffsetDateTime.parse(sentAt);
        return store.dsl().insertInto(SURVEY_INVITATIONS)
                .set(SURVEY_INVITATIONS.TOKEN_HASH, UUID.randomUUID().toString())
                .set(SURVEY_INVITATIONS.SOURCE, "test").set(SURVEY_INVITATIONS.TICKET_ID, ticket)
                .set(SURVEY_INVITATIONS.CREATED_AT, sent).set(SURVEY_INVITATIONS.EXPIRES_AT, sent.plusDays(30))
                .returning(SURVEY_INVITATIONS.ID).fetchOne(SURVEY_INVITATIONS.ID);
    }

    private void answer(Long invitation, String ticket, int score, String at, String origin, String comment) {
        store.dsl().insertInto(SURVEY_RESPONSES).set(SURVEY_RESPONSES.COMMENT, comment)
                .set(SURVEY_RESPONSES.INVITATION_ID, invitation).set(SURVEY_RESPONSES.TICKET_ID, ticket)
                .set(SURVEY_RESPONSES.SCORE, score).set(SURVEY_RESPONSES.LOCALE, "nb")
                .set(SURVEY_RESPONSES.ANSWERED_AT, OffsetDateTime.parse(at)).set(SURVEY_RESPONSES.ORIGIN, origin)
                .execute();
    }

    @Test
    void analyze_publishes_every_kpi_and_both_tables_and_records_the_run(SparkSession spark) {
        Warehouse.at(spark, config.warehouse()).replace("tickets", AcceptanceFixture.ticketData(spark));
        surveyAnswers();

        AnalyzeJob.Result result = job(spark).run(WeekRange.ALL);

        assertThat(result.tickets()).isEqualTo(40);
        assertThat(result.cutOff()).isEqualTo(AcceptanceFixture.CUT_OFF);
        assertThat(store.dsl().selectDistinct(KPI_WEEKLY.KPI).from(KPI_WEEKLY).fetchSet(KPI_WEEKLY.KPI))
                .containsExactlyInAnyOrderElementsOf(KPI_NAMES);
        assertThat(store.dsl().selectDistinct(KPI_WEEKLY.WEEK).from(KPI_WEEKLY).fetchSet(KPI_WEEKLY.WEEK))
                .containsExactlyInAnyOrder("2026-W42", "2026-W43", "2026-W44");
        // W43 volume 19 (ACCEPTANCE.md §2); W44 response rate: T13 answered, T14 not => 1/2.
        assertThat(store.dsl().select(KPI_WEEKLY.VALUE).from(KPI_WEEKLY).where(KPI_WEEKLY.WEEK.eq("2026-W43"),
                KPI_WEEKLY.BREAKDOWN.eq("all"), KPI_WEEKLY.KPI.eq("volume")).fetchOne(KPI_WEEKLY.VALUE)).isEqualTo(19.0);
        assertThat(store.dsl().select(KPI_WEEKLY.VALUE).from(KPI_WEEKLY).where(KPI_WEEKLY.WEEK.eq("2026-W44"),
                KPI_WEEKLY.BREAKDOWN.eq("all"), KPI_WEEKLY.KPI.eq("nps_response_rate")).fetchOne(KPI_WEEKLY.VALUE))
                .isEqualTo(0.5);
        // 40 tickets over 38 distinct (week, weekday, hour) cells: W42 3, W43 18 (T08 and T26 share
        // Sat 12), W44 17 (T17 and T34 share Wed 8); ACCEPTANCE.md §7.
        assertThat(store.dsl().fetchCount(BUSIEST_HOURS)).isEqualTo(38);
        // W43 categories: billing, delivery, returns, uncategorised.
        assertThat(store.dsl().fetchCount(TOP_COMPLAINTS, TOP_COMPLAINTS.WEEK.eq("2026-W43"))).isEqualTo(4);
        var run = store.dsl().selectFrom(RUNS).where(RUNS.ID.eq(result.runId())).fetchOne();
        assertThat(run.getKind()).isEqualTo("analyze");
        assertThat(run.getStatus()).isEqualTo("succeeded");
        assertThat(run.getRowsIn()).isEqualTo(40);
        assertThat(run.getRowsOut()).isEqualTo(store.dsl().fetchCount(KPI_WEEKLY));
        // what the report's "data as of" reads
        assertThat(run.getCutOff().toInstant()).isEqualTo(AcceptanceFixture.CUT_OFF);
        // the one commented detractor answer (T19: no channel, so "other"; delivery) for the report's
        // comment filter; the promoter's comment is not there
        assertThat(store.dsl().select(ANSWER_TICKETS.CHANNEL, ANSWER_TICKETS.CATEGORY, ANSWER_TICKETS.RUN_ID,
                        SURVEY_RESPONSES.TICKET_ID).from(ANSWER_TICKETS).join(SURVEY_RESPONSES)
                .on(SURVEY_RESPONSES.ID.eq(ANSWER_TICKETS.RESPONSE_ID)).fetch().map(r -> r.intoList()))
                .containsExactly(List.of("other", "delivery", result.runId(), "T19"));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("analyze: reading tickets", "publishing");
        // The run recorded the warehouse versions it published; they hold the same KPI rows as the store.
        RunVersions versions = new RunVersions(store.dsl());
        assertThat(versions.current("kpi_weekly")).contains("v-000001");
        assertThat(versions.current("busiest_hours")).contains("v-000001");
        assertThat(versions.current("top_complaints")).contains("v-000001");
        assertThat(Warehouse.at(spark, config.warehouse(), versions).table("kpi_weekly").orElseThrow().count())
                .isEqualTo(store.dsl().fetchCount(KPI_WEEKLY));

        // Re-running one week replaces that week only, in the store and the warehouse.
        AnalyzeJob.Result second = job(spark).run(new WeekRange(Optional.of("2026-W44"), Optional.of("2026-W44")));
        assertThat(store.dsl().selectDistinct(KPI_WEEKLY.RUN_ID).from(KPI_WEEKLY).where(KPI_WEEKLY.WEEK.eq("2026-W44"))
                .fetchSet(KPI_WEEKLY.RUN_ID)).containsExactly(second.runId());
        assertThat(store.dsl().selectDistinct(KPI_WEEKLY.RUN_ID).from(KPI_WEEKLY).where(KPI_WEEKLY.WEEK.eq("2026-W43"))
                .fetchSet(KPI_WEEKLY.RUN_ID)).containsExactly(result.runId());
        assertThat(versions.current("kpi_weekly")).contains("v-000002");
        assertThat(Warehouse.at(spark, config.warehouse(), versions).table("kpi_weekly").orElseThrow().count())
                .isEqualTo(store.dsl().fetchCount(KPI_WEEKLY));
    }

    @Test
    void nothing_to_analyse_is_a_user_error_and_a_failed_run(SparkSession spark) {
        assertThatThrownBy(() -> job(spark).run(WeekRange.ALL)).isInstanceOf(UserError.class)
                .hasMessageContaining("nothing to analyse");
        assertThat(store.dsl().selectFrom(RUNS).fetchOne().getStatus()).isEqualTo("failed");
    }
}
