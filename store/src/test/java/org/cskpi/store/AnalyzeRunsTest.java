package org.cskpi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What analyze runs computed from, and which run the next incremental run builds on. */
class AnalyzeRunsTest {

    private static final Instant CUT_OFF = Instant.parse("2026-11-25T15:40:00.123456Z");

    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    private final RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
    private final AnalyzeRuns analyzeRuns = new AnalyzeRuns(store.dsl());

    @AfterEach
    void close() {
        store.close();
    }

    private long run(String mode, boolean succeeded, String from, String to) {
        long id = runs.start("analyze");
        analyzeRuns.record(new AnalyzeRuns.Inputs(id, mode, "h" + id, CUT_OFF, "v-000003", 7L,
                new AnalyzeRuns.Survey(12L, 11, null, 0), from, to));
        if (succeeded) {
            runs.succeeded(id, RunLog.Counts.NONE, "ok");
        } else {
            runs.failed(id, RunLog.Counts.NONE, "boom");
        }
        return id;
    }

    @Test
    void the_baseline_is_the_latest_succeeded_full_or_incremental_run() {
        assertThat(analyzeRuns.baseline()).isEmpty();
        run(AnalyzeRuns.FULL, true, null, null);
        long incremental = run(AnalyzeRuns.INCREMENTAL, true, null, null);
        long range = run(AnalyzeRuns.RANGE, true, "2026-W40", "2026-W41");
        run(AnalyzeRuns.FULL, false, null, null);
        long openRange = run(AnalyzeRuns.RANGE, true, "2026-W45", null);

        AnalyzeRuns.Inputs baseline = analyzeRuns.baseline().orElseThrow();

        assertThat(baseline).isEqualTo(new AnalyzeRuns.Inputs(incremental, AnalyzeRuns.INCREMENTAL, "h" + incremental,
                CUT_OFF, "v-000003", 7L, new AnalyzeRuns.Survey(12L, 11, null, 0), null, null));
        assertThat(analyzeRuns.rangesAfter(incremental)).extracting(AnalyzeRuns.Inputs::runId)
                .containsExactly(range, openRange);
        assertThat(baseline.ticketChangesAfter()).contains(7L);
    }

    @Test
    void ticket_changes_are_needed_after_the_baselines_ingest_run_all_without_tickets_none_when_unrecorded() {
        AnalyzeRuns.Survey none = new AnalyzeRuns.Survey(null, 0, null, 0);
        assertThat(new AnalyzeRuns.Inputs(1, AnalyzeRuns.FULL, "h", CUT_OFF, null, null, none, null, null)
                .ticketChangesAfter()).contains(0L);
        assertThat(new AnalyzeRuns.Inputs(1, AnalyzeRuns.FULL, "h", CUT_OFF, "v-000001", null, none, null, null)
                .ticketChangesAfter()).isEqualTo(Optional.empty());
    }

    @Test
    void an_unknown_mode_is_refused_by_the_store() {
        long id = runs.start("analyze");
        assertThatThrownBy(() -> analyzeRuns.record(new AnalyzeRuns.Inputs(id, "partial", "h", CUT_OFF, null, null,
                new AnalyzeRuns.Survey(null, 0, null, 0), null, null)))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ANALYZE_RUNS_MODE_KNOWN");
    }
}
