package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cskpi.store.jooq.Tables.QUERY_HISTORY;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query history on a freshly migrated store (V8__saved_queries.sql). */
class QueryHistoryTest {

    private final TwoAnalysts db = new TwoAnalysts();
    private final QueryHistory history = new QueryHistory(db.store.dsl(), db.clock);
    private final long ann = db.ann;
    private final long bob = db.bob;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_run_and_a_refusal_are_recorded_newest_first() {
        QueryResult three = new QueryResult(List.of("n"), List.of(true), List.of(List.of("1"), List.of("2"), List.of("3")),
                true, 5);
        assertThat(history.record(ann, "SELECT id FROM range(9)", () -> three)).isSameAs(three);
        db.clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> history.record(ann, "SELECT nope", () -> {
            throw new QueryRefused("[UNRESOLVED_COLUMN] nope (line 1, position 8)");
        })).isInstanceOf(QueryRefused.class).hasMessageContaining("UNRESOLVED_COLUMN");

        List<QueryHistory.Run> runs = history.latest(ann);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).extracting(QueryHistory.Run::sql, QueryHistory.Run::rowCount, QueryHistory.Run::error,
                QueryHistory.Run::ranAt).containsExactly("SELECT nope", null,
                "[UNRESOLVED_COLUMN] nope (line 1, position 8)", OffsetDateTime.parse("2026-11-23T08:00:30Z"));
        assertThat(runs.get(1)).extracting(QueryHistory.Run::sql, QueryHistory.Run::rowCount, QueryHistory.Run::moreRows,
                QueryHistory.Run::failed).containsExactly("SELECT id FROM range(9)", 3L, true, false);
        assertThat(history.latest(bob)).isEmpty();
    }

    @Test
    void exactly_the_newest_20_are_kept_per_user() {
        history.recordRows(bob, "SELECT 'bob'", 1, false);
        IntStream.range(0, 25).forEach(i -> history.recordRows(ann, "SELECT " + i, 1, false));

        assertThat(history.latest(ann)).extracting(QueryHistory.Run::sql)
                .containsExactlyElementsOf(IntStream.iterate(24, i -> i >= 5, i -> i - 1).mapToObj(i -> "SELECT " + i).toList());
        assertThat(db.store.dsl().fetchCount(QUERY_HISTORY, QUERY_HISTORY.USER_ID.eq(ann))).isEqualTo(QueryHistory.KEPT);
        assertThat(history.latest(bob)).extracting(QueryHistory.Run::sql).containsExactly("SELECT 'bob'");
    }

    @Test
    void running_the_newest_entrys_text_again_replaces_it_and_an_older_one_does_not() {
        history.recordRows(ann, "SELECT 1", 1, false);
        history.recordRows(ann, "SELECT 2", 1, false);
        db.clock.advance(Duration.ofSeconds(30));
        history.recordError(ann, "SELECT 2", "stopped");
        history.recordRows(ann, "SELECT 1", 1, false);
        history.recordRows(bob, "SELECT 1", 1, false);

        assertThat(history.latest(ann)).extracting(QueryHistory.Run::sql, QueryHistory.Run::error, QueryHistory.Run::ranAt)
                .containsExactly(
                        tuple("SELECT 1", null, OffsetDateTime.parse("2026-11-23T08:00:30Z")),
                        tuple("SELECT 2", "stopped", OffsetDateTime.parse("2026-11-23T08:00:30Z")),
                        tuple("SELECT 1", null, OffsetDateTime.parse("2026-11-23T08:00:00Z")));
        assertThat(history.latest(bob)).hasSize(1);
    }

    @Test
    void a_run_is_found_only_by_its_own_user() {
        history.recordError(ann, "SELECT nope", "no");
        long id = history.latest(ann).get(0).id();

        assertThat(history.find(id, ann)).get().extracting(QueryHistory.Run::sql).isEqualTo("SELECT nope");
        assertThat(history.find(id, bob)).isEmpty();
    }

    @Test
    void a_long_error_is_cut_to_the_column_and_an_empty_one_says_failed() {
        history.recordError(ann, "SELECT 1", "e".repeat(5_000));
        history.recordError(ann, "SELECT 2", null);

        assertThat(history.latest(ann)).extracting(QueryHistory.Run::error)
                .containsExactly("failed", "e".repeat(QueryHistory.MAX_ERROR_LENGTH));
    }
}
