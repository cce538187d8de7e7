package org.cskpi.web.report;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.data.Filters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pages a manager is likely to open first ready in {@link ReportCache}, so that the
 * first view after an analyze run (or after the app starts) does not pay for building the report.
 * Every {@code period} it reads the store's version and, unfiltered, (re)builds: the week of
 * {@code /} and the newest {@link #WEEKS} weeks of the picker. A page is rebuilt when its week's
 * {@link StoreVersion} changed (a run finished: all of them; an answer: the open weeks only) or,
 * for a week still open to answers, when it is older than {@link #REFRESH_AFTER_NANOS}, well
 * before requests stop using it ({@link ReportCache#MAX_AGE_NANOS}). Filtered pages and older
 * weeks are built on request.
 *
 * <p>One daemon thread; a pass that fails (store closed, a bad row) is logged and the next
 * period tries again.
 */
final class ReportWarmer {

    /** The newest weeks kept built: the trend window and one more, what the picker's first screen offers. */
    static final int WEEKS = ReportBuilder.TREND_WEEKS + 1;
    /** How soon after a run finishes the pages are rebuilt; an idle pass costs one small query. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    static final long REFRESH_AFTER_NANOS = 45_000_000_000L;
    /** A cache hit takes microseconds; anything slower was a build. */
    private static final long BUILT_NANOS = 2_000_000L;
    private static final long MAX_PAUSE_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ReportWarmer.class);

    private final ReportChoices choices;
    private final ReportContent content;
    private final ReportCache cache;
    private final Duration period;
    private ScheduledExecutorService executor;
    /** Set by {@link #stop}; a pass ends after its current page. No interrupt: H2 may close its file on one. */
    private volatile boolean stopping;
    /** The last pass's targets and the finished runs they were read at; {@link #warm} never runs concurrently. */
    private List<IsoWeek> lastTargets = List.of();
    private long targetsVersion = -1;
    private boolean failing;

    ReportWarmer(ReportChoices choices, ReportContent content, ReportCache cache, Duration period) {
        this.choices = choices;
        this.content = content;
        this.cache = cache;
        this.period = period;
    }

    /** Starts warming now and then every period; called when the server has started. */
    synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "report-warmer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::warmLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops warming and waits for a pass in progress; called when the server stops (before the store closes). */
    synchronized void stop() {
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("report warm-up still running 10 s after the server stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    /**
     * One pass: the weeks it made sure are ready, default week first. Weeks come only with runs,
     * so while no run finished the targets are the same and an idle pass is one query.
     */
    List<IsoWeek> warm() {
        long passStarted = System.nanoTime();
        StoreVersion version = choices.storeVersion();
        boolean newRun = version.finishedRuns() != targetsVersion;
        if (newRun) {
            lastTargets = targets();
            targetsVersion = version.finishedRuns();
        }
        List<IsoWeek> weeks = lastTargets;
        buildAll(weeks, version);
        if (newRun && !weeks.isEmpty() && !stopping) {
            LOG.info("report pages built ahead: {} weeks ({} first) in {} ms, store at {} finished runs", weeks.size(),
                    weeks.get(0), (System.nanoTime() - passStarted) / 1_000_000, version.finishedRuns());
        }
        return weeks;
    }

    private void buildAll(List<IsoWeek> weeks, StoreVersion version) {
        for (IsoWeek week : weeks) {
            if (stopping) {
                break;
            }
            waitForRequestBuilds();
            long started = System.nanoTime();
            cache.get(new ReportCache.Key(week, Filters.none()), version.of(week),
                    version.maxAgeNanos(week, REFRESH_AFTER_NANOS), () -> content.render(week, Filters.none()));
            yieldToRequests(System.nanoTime() - started);
        }
    }

    /**
     * Lets a page a request is building finish first (for at most {@link #MAX_PAUSE_NANOS}): the
     * warmer's next page can wait, the reader cannot. The warmer builds one page at a time, so
     * any build in flight when it is about to start is a request's.
     */
    private void waitForRequestBuilds() {
        long deadline = System.nanoTime() + MAX_PAUSE_NANOS;
        while (cache.buildsInFlight() > 0 && System.nanoTime() < deadline && !stopping) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * After a page was built, rests as long as the build took: after a run the warmer rebuilds
     * every target, and on a busy 2-core machine running flat out it starved the requests it
     * works for (the week of {@code /}, built first, is ready before the pause).
     */
    private void yieldToRequests(long buildNanos) {
        if (buildNanos < BUILT_NANOS || stopping) {
            return;
        }
        try {
            Thread.sleep(Math.min(buildNanos, MAX_PAUSE_NANOS) / 1_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The week of {@code /}, then the newest weeks of the picker (the incomplete one included). */
    List<IsoWeek> targets() {
        Set<IsoWeek> weeks = new LinkedHashSet<>();
        choices.defaultWeek().ifPresent(weeks::add);
        choices.weeks().stream().limit(WEEKS).forEach(weeks::add);
        return List.copyOf(weeks);
    }

    /** A failing pass is logged once per streak (the period is short), with its exception. */
    private void warmLogged() {
        try {
            warm();
            if (failing) {
                LOG.info("report warm-up works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("report warm-up failed; retrying every {} ms, logging again when it works", period.toMillis(), e);
                failing = true;
            }
        }
    }
}
