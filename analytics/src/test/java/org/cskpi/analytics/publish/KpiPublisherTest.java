package org.cskpi.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.ANSWER_TICKETS;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KpiPublisherTest {

    Store store;
    KpiPublisher publisher;
    long firstRun;

    @BeforeEach
    void publish_a_first_run() {
        store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
        publisher = new KpiPublisher(store.dsl());
        firstRun = new RunLog(store.dsl(), Clock.systemUTC()).start("analyze");
        publisher.publish(WeekRange.ALL, tables(kpis("2026-W43", 3).iterator(), kpis("2026-W44", 3).iterator()), firstRun);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answer_tickets_replace_what_an_earlier_run_recorded_for_the_same_answers() {
        long slow = answer("slow");
        long rude = answer("rude");
        publisher.publishAnswerTickets(List.of(RowFactory.create(slow, "chat", "billing"),
                RowFactory.create(rude, "email", null)).iterator(), firstRun);
        long secondRun = new RunLog(store.dsl(), Clock.systemUTC()).start("analyze");
        long written = publisher.publishAnswerTickets(List.of(RowFactory.create(slow, "phone", "login")).iterator(),
                secondRun);

        assertThat(written).isEqualTo(1);
        assertThat(store.dsl().selectFrom(ANSWER_TICKETS).orderBy(ANSWER_TICKETS.RESPONSE_ID).fetch()
                .map(r -> List.of(r.getResponseId(), String.valueOf(r.getChannel()), String.valueOf(r.getCategory()),
                        r.getRunId())))
                .containsExactly(List.of(slow, "phone", "login", secondRun), List.of(rude, "email", "null", firstRun));
    }

    private long answer(String comment) {
        return store.dsl().insertInto(SURVEY_RESPONSES).set(SURVEY_RESPONSES.TICKET_ID, "T1")
                .set(SURVEY_RESPONSES.SCORE, 2).set(SURVEY_RESPONSES.COMMENT, comment)
                .set(SURVEY_RESPONSES.ANSWERED_AT, OffsetDateTime.parse("2026-10-20T10:00:00Z"))
                .set(SURVEY_RESPONSES.ORIGIN, "import").returning(SURVEY_RESPONSES.ID).fetchOne(SURVEY_RESPONSES.ID);
    }

    private static KpiPublisher.Tables tables(Iterator<Row> first, Iterator<Row> second) {
        List<Row> kpis = new ArrayList<>();
        first.forEachRemaining(kpis::add);
        Iterator<Row> all = concat(kpis.iterator(), second);
        return new KpiPublisher.Tables(all,
                List.of(RowFactory.create("2026-W43", 1, 9, 4L)).iterator(),
                List.of(RowFactory.create("2026-W43", "billing", 4L, 1.0, null, 0.25)).iterator());
    }

    private static Iterator<Row> concat(Iterator<Row> a, Iterator<Row> b) {
        return new Iterator<>() {
            public boolean hasNext() { return a.hasNext() || b.hasNext(); }
            public Row next() { return a.hasNext() ? a.next() : b.next(); }
        };
    }

    /** {@code n} volume rows of a week, one per channel-like value v0, v1, ... */
    private static List<Row> kpis(String week, int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(week, "channel", "v" + i, "volume", (double) i + 1, (long) i + 1, true, false));
        }
        return rows;
    }

    private List<String> publishedKpis() {
        return store.dsl().select(KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.VALUE, KPI_WEEKLY.RUN_ID)
                .from(KPI_WEEKLY).orderBy(KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN_VALUE)
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " run " + r.value4());
    }

    @Test
    void publishes_every_row_with_its_run() {
        assertThat(publishedKpis()).containsExactly(
                "2026-W43 v0 1.0 run " + firstRun, "2026-W43 v1 2.0 run " + firstRun, "2026-W43 v2 3.0 run " + firstRun,
                "2026-W44 v0 1.0 run " + firstRun, "2026-W44 v1 2.0 run " + firstRun, "2026-W44 v2 3.0 run " + firstRun);
        assertThat(store.dsl().fetchCount(BUSIEST_HOURS)).isEqualTo(1);
        assertThat(store.dsl().fetchOne(TOP_COMPLAINTS).getChangeVsPrevious()).isNull();
    }

    @Test
    void a_run_failing_half_way_leaves_the_previous_kpis_untouched() {
        List<String> before = publishedKpis();
        // The second run streams 12,000 rows (two JDBC batches are executed) and then its
        // source fails, as a Spark job killed mid-publish would.
        Iterator<Row> failing = new Iterator<>() {
            int sent;
            public boolean hasNext() { return true; }
            public Row next() {
                if (sent++ == 12_000) {
                    throw new IllegalStateException("executor lost");
                }
                return RowFactory.create("2026-W44", "agent", "x" + sent, "volume", 1.0, 1L, true, true);
            }
        };
        long secondRun = new RunLog(store.dsl(), Clock.systemUTC()).start("analyze");
        assertThatThrownBy(() -> publisher.publish(WeekRange.ALL, tables(List.<Row>of().iterator(), failing), secondRun))
                .hasMessageContaining("executor lost");
        assertThat(publishedKpis()).isEqualTo(before);
        assertThat(store.dsl().fetchCount(BUSIEST_HOURS)).isEqualTo(1);
    }

    @Test
    void a_row_the_store_rejects_rolls_back_the_whole_run() {
        List<String> before = publishedKpis();
        List<Row> bad = new ArrayList<>(kpis("2026-W44", 2));
        bad.add(RowFactory.create("2026-W44", "bogus", "x", "volume", 1.0, 1L, true, false));
        assertThatThrownBy(() -> publisher.publish(WeekRange.ALL, tables(bad.iterator(), List.<Row>of().iterator()), firstRun))
                .isInstanceOf(RuntimeException.class);
        assertThat(publishedKpis()).isEqualTo(before);
    }

    @Test
    void a_reader_sees_the_old_kpis_until_the_commit() {
        AtomicInteger seenMidway = new AtomicInteger(-1);
        Iterator<Row> watched = new Iterator<>() {
            final Iterator<Row> rows = kpis("2026-W44", 5).iterator();
            public boolean hasNext() { return rows.hasNext(); }
            public Row next() {
                Row row = rows.next();
                if (!rows.hasNext()) {
                    // Another connection, while the run has deleted and re-inserted W44 but not committed.
                    seenMidway.set(store.dsl().fetchCount(KPI_WEEKLY, KPI_WEEKLY.WEEK.eq("2026-W44")));
                }
                return row;
            }
        };
        publisher.publish(new WeekRange(Optional.of("2026-W44"), Optional.of("2026-W44")),
                new KpiPublisher.Tables(watched, List.<Row>of().iterator(), List.<Row>of().iterator()), firstRun);
        assertThat(seenMidway.get()).isEqualTo(3);
        assertThat(store.dsl().fetchCount(KPI_WEEKLY, KPI_WEEKLY.WEEK.eq("2026-W44"))).isEqualTo(5);
    }

    @Test
    void a_week_range_replaces_only_its_weeks() {
        // Only W44 is replaced (3 rows -> 1); W43's 3 rows stay.
        publisher.publish(new WeekRange(Optional.of("2026-W44"), Optional.empty()),
                new KpiPublisher.Tables(kpis("2026-W44", 1).iterator(), List.<Row>of().iterator(),
                        List.<Row>of().iterator()), firstRun);
        assertThat(publishedKpis()).containsExactly(
                "2026-W43 v0 1.0 run " + firstRun, "2026-W43 v1 2.0 run " + firstRun, "2026-W43 v2 3.0 run " + firstRun,
                "2026-W44 v0 1.0 run " + firstRun);
        assertThat(store.dsl().fetchCount(BUSIEST_HOURS)).isEqualTo(1);
    }
}
