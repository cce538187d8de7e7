package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.Filters;
import org.junit.jupiter.api.Test;

class ReportCacheTest {

    private static final ReportCache.Key W47 = new ReportCache.Key(IsoWeek.parse("2026-W47"), Filters.none());
    private static final ReportCache.Key W47_CHAT = new ReportCache.Key(IsoWeek.parse("2026-W47"), Filters.channel("chat"));

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ReportCache cache = new ReportCache(3, now::get);
    private final AtomicInteger builds = new AtomicInteger();

    /** A render that counts its builds and returns "name#n". */
    private Supplier<String> render(String name) {
        return () -> name + "#" + builds.incrementAndGet();
    }

    private static ReportCache.Key week(int week) {
        return new ReportCache.Key(new IsoWeek(2026, week), Filters.none());
    }

    @Test
    void serves_the_built_page_while_the_store_version_is_unchanged() {
        assertThat(cache.get(W47, "v1", render("w47"))).isEqualTo("w47#1");
        assertThat(cache.get(W47, "v1", render("w47"))).isEqualTo("w47#1");
        assertThat(cache.get(W47_CHAT, "v1", render("chat"))).as("another filter is another page").isEqualTo("chat#2");
        assertThat(builds).hasValue(2);
    }

    @Test
    void a_new_store_version_rebuilds_the_page() {
        cache.get(W47, "v1", render("w47"));
        assertThat(cache.get(W47, "v2", render("w47"))).isEqualTo("w47#2");
        assertThat(cache.holds(W47, "v1", ReportCache.MAX_AGE_NANOS)).isFalse();
        assertThat(cache.holds(W47, "v2", ReportCache.MAX_AGE_NANOS)).isTrue();
    }

    @Test
    void a_page_older_than_the_callers_maximum_age_is_rebuilt() {
        cache.get(W47, "v1", render("w47"));
        now.addAndGet(ReportCache.MAX_AGE_NANOS - 1);
        assertThat(cache.get(W47, "v1", render("w47"))).as("just young enough").isEqualTo("w47#1");
        assertThat(cache.get(W47, "v1", ReportWarmer.REFRESH_AFTER_NANOS, render("w47")))
                .as("the warmer refreshes earlier").isEqualTo("w47#2");
        now.addAndGet(ReportCache.MAX_AGE_NANOS);
        assertThat(cache.get(W47, "v1", render("w47"))).isEqualTo("w47#3");
    }

    @Test
    void keeps_at_most_its_bound_dropping_the_least_recently_used_page() {
        cache.get(week(44), "v1", render("w44"));
        cache.get(week(45), "v1", render("w45"));
        cache.get(week(46), "v1", render("w46"));
        cache.get(week(44), "v1", render("w44"));  // used again: w45 is now the least recently used
        cache.get(week(47), "v1", render("w47"));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.holds(week(45), "v1", ReportCache.MAX_AGE_NANOS)).isFalse();
        assertThat(cache.holds(week(44), "v1", ReportCache.MAX_AGE_NANOS)).isTrue();
        assertThat(cache.holds(week(46), "v1", ReportCache.MAX_AGE_NANOS)).isTrue();
        assertThat(cache.holds(week(47), "v1", ReportCache.MAX_AGE_NANOS)).isTrue();
        assertThat(builds).hasValue(4);
    }

    @Test
    void the_default_bound_keeps_64_pages() {
        ReportCache bounded = new ReportCache();
        for (int w = 1; w <= 52; w++) {
            bounded.get(week(w), "v1", render("w"));
            bounded.get(new ReportCache.Key(new IsoWeek(2025, w), Filters.none()), "v1", render("w"));
        }
        assertThat(bounded.size()).isEqualTo(ReportCache.MAX_ENTRIES).isEqualTo(64);
    }

    @Test
    void a_request_during_a_build_of_the_same_page_waits_for_it_instead_of_building_again() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> cache.get(W47, "v1", () -> {
                building.countDown();
                await(release);
                return "w47#" + builds.incrementAndGet();
            }));
            assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> second = threads.submit(() -> cache.get(W47, "v1", render("w47")));
            Thread.sleep(100);
            assertThat(second.isDone()).as("waits for the running build").isFalse();
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("w47#1");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("w47#1");
            assertThat(builds).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_failed_build_reaches_the_caller_and_is_not_kept() {
        assertThatThrownBy(() -> cache.get(W47, "v1", () -> {
            throw new IllegalStateException("store closed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store closed");
        assertThat(cache.size()).isZero();
        assertThat(cache.get(W47, "v1", render("w47"))).isEqualTo("w47#1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
