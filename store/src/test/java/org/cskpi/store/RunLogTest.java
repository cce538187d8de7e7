package org.cskpi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.BREAKDOWN_NAMES;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.RUN_VERSIONS;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.cskpi.store.jooq.tables.records.RunsRecord;
import org.cskpi.store.kpi.Breakdown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run bracket: who runs a run, the versions and names it commits, and runs found abandoned. */
class RunLogTest {

    private static final Instant NOTICED = Instant.parse("2026-11-23T09:30:00Z");

    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    private final RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_run_records_the_process_that_runs_it() {
        RunsRecord run = row(runs.start("analyze"));
        assertThat(run.getPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(run.getHost()).isEqualTo(RunProcess.current().host()).isNotBlank();
        assertThat(run.getProcessStartedAt()).isNotNull();
    }

    @Test
    void the_current_version_of_a_table_is_the_one_the_latest_succeeded_run_recorded() {
        RunVersions versions = runs.versions();
        assertThat(versions.current("tickets")).isEmpty();
        long first = runs.start("ingest");
        runs.succeeded(first, RunLog.Counts.NONE, "ok", Map.of("tickets", "v-000001", "messages", "v-000001"));
        long second = runs.start("ingest");
        runs.succeeded(second, RunLog.Counts.NONE, "ok", Map.of("tickets", "v-000002"));
        long running = runs.start("ingest");
        store.dsl().insertInto(RUN_VERSIONS)
                .values(running, "tickets", "v-000003").execute();

        assertThat(versions.current("tickets")).contains("v-000002");
        assertThat(versions.current("messages")).contains("v-000001");
        assertThat(versions.current("kpi_weekly")).isEmpty();
    }

    @Test
    void a_failure_after_the_run_succeeded_does_not_undo_its_outcome() {
        long id = runs.start("analyze");
        runs.succeeded(id, RunLog.Counts.NONE, "published", Map.of("kpi_weekly", "v-000001"));
        runs.failed(id, RunLog.Counts.NONE, "cleanup failed");
        assertThat(row(id).getStatus()).isEqualTo("succeeded");
        assertThat(runs.versions().current("kpi_weekly")).contains("v-000001");
    }

    @Test
    void the_last_succeeded_run_of_a_kind_is_the_latest_start_among_succeeded_ones() {
        RunLog firstWeek = new RunLog(store.dsl(), Clock.fixed(Instant.parse("2026-11-02T06:00:00Z"), ZoneOffset.UTC));
        RunLog secondWeek = new RunLog(store.dsl(), Clock.fixed(Instant.parse("2026-11-09T06:00:00Z"), ZoneOffset.UTC));
        assertThat(firstWeek.lastSucceeded("invite")).isEmpty();
        firstWeek.succeeded(firstWeek.start("invite"), RunLog.Counts.NONE, "ok");
        secondWeek.failed(secondWeek.start("invite"), RunLog.Counts.NONE, "smtp down");
        secondWeek.succeeded(secondWeek.start("ingest"), RunLog.Counts.NONE, "ok");

        assertThat(secondWeek.lastSucceeded("invite")).contains(Instant.parse("2026-11-02T06:00:00Z"));
    }

    @Test
    void a_tracked_run_gets_its_id_and_its_work_marks_it_succeeded() {
        long id = runs.track("responses import", runId -> {
            assertThat(row(runId).getStatus()).isEqualTo("running");
            runs.succeeded(runId, new RunLog.Counts(3L, 2L, 1L), "imported 2");
            return runId;
        });

        RunsRecord run = row(id);
        assertThat(run.getKind()).isEqualTo("responses import");
        assertThat(run.getStatus()).isEqualTo("succeeded");
        assertThat(run.getMessage()).isEqualTo("imported 2");
        assertThat(run.getRowsIn()).isEqualTo(3L);
    }

    @Test
    void a_tracked_run_whose_work_throws_is_failed_with_the_message_and_the_exception_goes_on() {
        IllegalStateException boom = new IllegalStateException("disk full");

        assertThatThrownBy(() -> runs.track("ingest", runId -> {
            throw boom;
        })).isSameAs(boom);

        RunsRecord run = store.dsl().selectFrom(RUNS).fetchSingle();
        assertThat(run.getKind()).isEqualTo("ingest");
        assertThat(run.getStatus()).isEqualTo("failed");
        assertThat(run.getMessage()).isEqualTo("disk full");
        assertThat(run.getFinishedAt()).isNotNull();
        assertThat(run.getRowsIn()).isNull();
    }

    @Test
    void opening_the_store_marks_runs_whose_process_is_gone_on_this_host_as_abandoned() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long killed = runningAs(RunProcess.current().host(), gone.pid(), gone.info().startInstant().orElse(null));
        long reusedPid = runningAs(RunProcess.current().host(), ProcessHandle.current().pid(),
                Instant.parse("2020-01-01T00:00:00Z"));
        long live = runs.start("analyze");
        long elsewhere = runningAs("another-host", gone.pid(), null);

        int marked = new AbandonedRuns(store.dsl(), Clock.fixed(NOTICED, ZoneOffset.UTC)).mark();

        assertThat(marked).isEqualTo(2);
        for (long id : new long[] {killed, reusedPid}) {
            RunsRecord run = row(id);
            assertThat(run.getStatus()).isEqualTo("abandoned");
            assertThat(run.getFinishedAt().toInstant()).isEqualTo(NOTICED);
            assertThat(run.getMessage()).contains("was gone when noticed at 2026-11-23T09:30:00Z");
        }
        assertThat(row(live).getStatus()).isEqualTo("running");
        assertThat(row(elsewhere).getStatus()).isEqualTo("running");
    }

    private long runningAs(String host, long pid, Instant processStart) {
        return store.dsl().insertInto(RUNS)
                .set(RUNS.KIND, "analyze").set(RUNS.STARTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(RUNS.STATUS, "running").set(RUNS.HOST, host).set(RUNS.PID, pid)
                .set(RUNS.PROCESS_STARTED_AT, processStart == null ? null : processStart.atOffset(ZoneOffset.UTC))
                .returning(RUNS.ID).fetchOne(RUNS.ID);
    }

    private RunsRecord row(long id) {
        return store.dsl().fetchOne(RUNS, RUNS.ID.eq(id));
    }

    @Test
    void a_later_run_renames_the_agents_it_names_and_keeps_the_others() {
        long first = runs.start("ingest");
        runs.names().record(Breakdown.AGENT, Map.of("601", "Agent Smith", "602", "Admin Jones"), first);
        long second = runs.start("ingest");
        runs.names().record(Breakdown.AGENT, Map.of("601", "Agnes Smith"), second);
        runs.names().record(Breakdown.AGENT, Map.of(), second);

        assertThat(runs.names().of(Breakdown.AGENT)).containsExactly(
                Map.entry("601", "Agnes Smith"), Map.entry("602", "Admin Jones"));
        assertThat(runs.names().of(Breakdown.TEAM)).isEmpty();
        assertThat(store.dsl().select(BREAKDOWN_NAMES.RUN_ID).from(BREAKDOWN_NAMES)
                .orderBy(BREAKDOWN_NAMES.BREAKDOWN_VALUE).fetch(BREAKDOWN_NAMES.RUN_ID)).containsExactly(second, first);
    }
}
