package org.cskpi.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.Filters;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.page.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warmer on a hand-filled store ({@link ReportStoreRows}): pages get built with no request at all. */
class ReportWarmerTest {

    private static final IsoWeek W46 = IsoWeek.parse("2026-W46");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    private static final IsoWeek W48 = IsoWeek.parse("2026-W48");

    /** Wednesday of 2026-W48: W48 still takes survey answers, W47 and older do not. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private Store store;
    private ReportChoices choices;
    private ReportCache cache;
    private ReportWarmer warmer;

    @BeforeEach
    void setUp() {
        store = TestWeb.store();
        ReportStoreRows.fill(store.dsl());
        choices = new ReportChoices(store.dsl(), ZoneId.of("Europe/Oslo"), 24, clock);
        cache = new ReportCache();
        ReportContent content = new ReportContent(store.dsl(), TestWeb.config(1000), choices, new ReportPage(new Pages()));
        warmer = new ReportWarmer(choices, content, cache, Duration.ofMillis(20));
    }

    @AfterEach
    void tearDown() {
        warmer.stop();
        store.close();
    }

    private static ReportCache.Key unfiltered(IsoWeek week) {
        return new ReportCache.Key(week, Filters.none());
    }

    /** The cached page; fails instead of building it. */
    private String cached(IsoWeek week, String version) {
        return cache.get(unfiltered(week), version, () -> {
            throw new AssertionError("page of " + week + " at version " + version + " was not ready");
        });
    }

    private static Pattern volumeTile(String value) {
        return Pattern.compile("data-kpi=\"volume\"><div class=\"tile-label\">[^<]*</div><div class=\"tile-value\">"
                + value + "</div>");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void targets_the_week_of_home_first_then_the_newest_weeks_of_the_picker() {
        for (int w = 30; w <= 45; w++) {
            ReportStoreRows.volume(store.dsl(), "2026-W" + w, "all", "all", 900 + w, false);
        }
        // home shows W47 (W48 is incomplete); then the newest 13: W48, W47 (already there), W46 .. W36
        List<IsoWeek> expected = new java.util.ArrayList<>(List.of(W47, W48));
        for (int w = 46; w >= 36; w--) {
            expected.add(new IsoWeek(2026, w));
        }
        assertThat(warmer.targets()).containsExactlyElementsOf(expected).hasSize(ReportWarmer.WEEKS);
    }

    @Test
    void one_pass_builds_each_target_page_unfiltered() {
        String version = choices.version(W47);
        assertThat(warmer.warm()).containsExactly(W47, W48, W46);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cached(W47, version)).containsPattern(volumeTile("1,200")).contains("<option value=\"2026-W47\" selected>");
        assertThat(cached(W46, version)).containsPattern(volumeTile("1,000"));
        assertThat(cache.holds(new ReportCache.Key(W47, Filters.channel("chat")), version, ReportCache.MAX_AGE_NANOS))
                .as("filtered pages are built on request").isFalse();
    }

    @Test
    void when_started_builds_the_latest_weeks_without_a_request() throws InterruptedException {
        String version = choices.version(W47);
        warmer.start();
        await("W47, W48 and W46 built", () -> List.of(W47, W48, W46).stream()
                .allMatch(w -> cache.holds(unfiltered(w), choices.version(w), ReportCache.MAX_AGE_NANOS)));
        assertThat(cached(W47, version)).containsPattern(volumeTile("1,200"));
    }

    @Test
    void rebuilds_the_latest_week_with_the_new_numbers_when_an_analyze_run_finishes() throws InterruptedException {
        String before = choices.version(W47);
        warmer.start();
        await("W47 built", () -> cache.holds(unfiltered(W47), before, ReportCache.MAX_AGE_NANOS));
        // as AnalyzeJob: start the run, publish, record that it finished
        RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
        long run = runs.start("analyze");
        store.dsl().update(KPI_WEEKLY).set(KPI_WEEKLY.VALUE, 1300.0)
                .where(KPI_WEEKLY.WEEK.eq("2026-W47"), KPI_WEEKLY.BREAKDOWN.eq("all")).execute();
        runs.succeeded(run, RunLog.Counts.NONE, "published");
        String after = choices.version(W47);
        assertThat(after).isNotEqualTo(before);
        await("W47 rebuilt", () -> cache.holds(unfiltered(W47), after, ReportCache.MAX_AGE_NANOS));
        assertThat(cached(W47, after)).containsPattern(volumeTile("1,300"));
    }

    @Test
    void a_survey_answer_rebuilds_the_page_of_the_current_week_and_leaves_last_weeks() throws InterruptedException {
        String w47 = choices.version(W47);
        String w48 = choices.version(W48);
        warmer.start();
        await("W47 and W48 built", () -> cache.holds(unfiltered(W47), w47, ReportCache.MAX_AGE_NANOS)
                && cache.holds(unfiltered(W48), w48, ReportCache.MAX_AGE_NANOS));
        String lastWeeksPage = cached(W47, w47);
        // a customer answers now, in W48 (as AnswerWriter stamps it)
        store.dsl().insertInto(SURVEY_RESPONSES).set(SURVEY_RESPONSES.SCORE, 3).set(SURVEY_RESPONSES.COMMENT, "slow")
                .set(SURVEY_RESPONSES.TICKET_ID, "t1").set(SURVEY_RESPONSES.ORIGIN, "survey")
                .set(SURVEY_RESPONSES.ANSWERED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        assertThat(choices.version(W47)).isEqualTo(w47);
        String w48After = choices.version(W48);
        assertThat(w48After).isNotEqualTo(w48);
        await("W48 rebuilt", () -> cache.holds(unfiltered(W48), w48After, ReportCache.MAX_AGE_NANOS));
        assertThat(cached(W48, w48After)).contains("<blockquote>slow</blockquote>");
        assertThat(cached(W47, w47)).isSameAs(lastWeeksPage);
    }

    @Test
    void waits_for_a_page_a_request_is_building_before_building_its_own() throws Exception {
        String version = choices.version(W47);
        CountDownLatch requestBuilding = new CountDownLatch(1);
        CountDownLatch releaseRequest = new CountDownLatch(1);
        Thread request = new Thread(() -> cache.get(new ReportCache.Key(W47, Filters.channel("chat")), version, () -> {
            requestBuilding.countDown();
            try {
                releaseRequest.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "chat page";
        }));
        request.start();
        assertThat(requestBuilding.await(5, TimeUnit.SECONDS)).isTrue();
        warmer.start();
        Thread.sleep(200);  // well inside the warmer's 1 s limit on waiting
        assertThat(cache.holds(unfiltered(W47), version, ReportCache.MAX_AGE_NANOS)).as("waits for the request").isFalse();
        releaseRequest.countDown();
        request.join(5000);
        await("W47 built after the request's page", () -> cache.holds(unfiltered(W47), version, ReportCache.MAX_AGE_NANOS));
    }

    @Test
    void a_failing_pass_is_retried_on_the_next_period() throws InterruptedException {
        store.dsl().execute("ALTER TABLE top_complaints RENAME TO top_complaints_away");
        warmer.start();
        Thread.sleep(100);
        assertThat(cache.size()).as("every build fails without the table").isZero();
        store.dsl().execute("ALTER TABLE top_complaints_away RENAME TO top_complaints");
        String version = choices.version(W47);
        await("W47 built after the table is back", () -> cache.holds(unfiltered(W47), version, ReportCache.MAX_AGE_NANOS));
    }

    @Test
    void stopped_it_builds_nothing_more() throws InterruptedException {
        warmer.start();
        warmer.stop();
        RunLog runs = new RunLog(store.dsl(), Clock.systemUTC());
        runs.succeeded(runs.start("analyze"), RunLog.Counts.NONE, "published");
        Thread.sleep(200);
        assertThat(cache.holds(unfiltered(W47), choices.version(W47), ReportCache.MAX_AGE_NANOS)).isFalse();
    }
}
