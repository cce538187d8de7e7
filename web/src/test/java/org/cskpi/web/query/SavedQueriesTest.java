package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.QUERY_HISTORY;
import static org.cskpi.store.jooq.Tables.SAVED_QUERIES;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Saved queries on a freshly migrated store (V8__saved_queries.sql). */
class SavedQueriesTest {

    private final TwoAnalysts db = new TwoAnalysts();
    private final SavedQueries saved = new SavedQueries(db.store.dsl(), db.clock);
    private final long ann = db.ann;
    private final long bob = db.bob;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void each_user_lists_their_own_newest_first_under_random_ids() {
        SavedQueries.Saved first = saved.save(ann, "  Tickets  ", "SELECT count(*) FROM tickets");
        db.clock.advance(Duration.ofMinutes(5));
        SavedQueries.Saved second = saved.save(ann, "Channels", "SELECT channel FROM tickets");
        saved.save(bob, "Tickets", "SELECT 1");

        assertThat(saved.listOf(ann)).extracting(SavedQueries.Saved::name, SavedQueries.Saved::sql)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Channels", "SELECT channel FROM tickets"),
                        org.assertj.core.groups.Tuple.tuple("Tickets", "SELECT count(*) FROM tickets"));
        assertThat(saved.listOf(bob)).extracting(SavedQueries.Saved::name).containsExactly("Tickets");
        assertThat(first.owner()).isEqualTo("ann");
        assertThat(first.savedAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T08:00:00Z"));
        assertThat(first.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.id());
        assertThat(saved.find(first.id())).contains(first);
    }

    @Test
    void saving_under_a_used_name_replaces_the_text_and_keeps_the_link() {
        SavedQueries.Saved before = saved.save(ann, "Tickets", "SELECT 1");
        db.clock.advance(Duration.ofMinutes(1));
        SavedQueries.Saved after = saved.save(ann, "Tickets", "SELECT 2");

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.sql()).isEqualTo("SELECT 2");
        assertThat(after.savedAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T08:01:00Z"));
        assertThat(db.store.dsl().fetchCount(SAVED_QUERIES)).isEqualTo(1);
    }

    @Test
    void names_must_be_given_and_at_most_100_characters() {
        assertThatThrownBy(() -> saved.save(ann, "   ", "SELECT 1")).isInstanceOf(QueryRefused.class)
                .hasMessage("Give the query a name to save it under.");
        assertThatThrownBy(() -> saved.save(ann, null, "SELECT 1")).isInstanceOf(QueryRefused.class);
        assertThatThrownBy(() -> saved.save(ann, "n".repeat(101), "SELECT 1")).isInstanceOf(QueryRefused.class)
                .hasMessage("The name is longer than 100 characters.");
        assertThat(saved.save(ann, "n".repeat(100), "SELECT 1").name()).hasSize(100);
    }

    @Test
    void the_sql_is_bounded_like_the_run_form() {
        assertThatThrownBy(() -> saved.save(ann, "empty", " \n")).isInstanceOf(QueryRefused.class)
                .hasMessageContaining("the editor is empty");
        String longest = "SELECT '" + "x".repeat(SingleStatement.MAX_LENGTH - 9) + "'";
        assertThat(longest).hasSize(SingleStatement.MAX_LENGTH);
        assertThat(saved.save(ann, "longest", longest).sql()).isEqualTo(longest);
        assertThatThrownBy(() -> saved.save(ann, "too long", longest + " ")).isInstanceOf(QueryRefused.class)
                .hasMessage("The query is longer than " + SingleStatement.MAX_LENGTH + " characters.");
    }

    @Test
    void only_the_owner_deletes() {
        SavedQueries.Saved q = saved.save(ann, "Tickets", "SELECT 1");

        assertThat(saved.delete(q.id(), bob)).isFalse();
        assertThat(saved.find(q.id())).isPresent();
        assertThat(saved.delete(q.id(), ann)).isTrue();
        assertThat(saved.find(q.id())).isEmpty();
        assertThat(saved.delete(q.id(), ann)).isFalse();
    }

    @Test
    void an_unknown_or_malformed_id_finds_nothing() {
        saved.save(ann, "Tickets", "SELECT 1");
        assertThat(saved.find("A".repeat(43))).isEmpty();
        assertThat(saved.find("1")).isEmpty();
        assertThat(saved.find("' OR 1=1 --")).isEmpty();
        assertThat(saved.find(null)).isEmpty();
    }

    @Test
    void removing_a_user_removes_their_saved_queries_and_history() {
        saved.save(ann, "Tickets", "SELECT 1");
        new QueryHistory(db.store.dsl(), db.clock).recordRows(ann, "SELECT 1", 1, false);
        SavedQueries.Saved bobs = saved.save(bob, "Tickets", "SELECT 2");

        db.users.remove("ann");

        assertThat(db.store.dsl().fetchCount(SAVED_QUERIES)).isEqualTo(1);
        assertThat(db.store.dsl().fetchCount(QUERY_HISTORY)).isZero();
        assertThat(saved.find(bobs.id())).isPresent();
    }
}
