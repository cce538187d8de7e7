package org.cskpi.batch.sqlserver;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * The per-query time limit ({@code sql_server.query_timeout_seconds}): a query whose Spark jobs
 * have run longer than the limit, counted from its first job, has them cancelled, which
 * interrupts its tasks and fails the query with {@link #reason}. The jobs of one Spark Connect
 * operation share its operation tag, so a query of several jobs is timed as one. Jobs without
 * such a tag are the service's own (reading the views' metadata) and are not limited.
 */
final class QueryTimeLimit extends SparkListener implements AutoCloseable {

    private static final String CONNECT_OPERATION_TAG = "SparkConnect_OperationTag_";
    private static final String JOB_TAGS = "spark.job.tags";

    /** A query being timed: when its first job started and which of its jobs are running. */
    private record Timed(long startedNanos, Set<Integer> runningJobs) {
    }

    private final SparkContext context;
    private final Duration limit;
    private final LongSupplier nanoTime;
    private final Map<String, Timed> queries = new ConcurrentHashMap<>();
    private final Map<Integer, String> queryOfJob = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cskpi-query-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    private QueryTimeLimit(SparkContext context, Duration limit, LongSupplier nanoTime) {
        this.context = context;
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Starts timing every query of {@code context}; checks twice a second. */
    static QueryTimeLimit watch(SparkContext context, Duration limit) {
        QueryTimeLimit timeLimit = new QueryTimeLimit(context, limit, System::nanoTime);
        context.addSparkListener(timeLimit);
        timeLimit.checker.scheduleWithFixedDelay(timeLimit::cancelOverdue, 500, 500, TimeUnit.MILLISECONDS);
        return timeLimit;
    }

    String reason() {
        return "the query ran longer than " + limit.toSeconds() + " s and was stopped (sql_server.query_timeout_seconds)";
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String query = queryOf(start);
        if (query == null) {
            return;
        }
        queryOfJob.put(start.jobId(), query);
        queries.computeIfAbsent(query, q -> new Timed(nanoTime.getAsLong(), ConcurrentHashMap.newKeySet()))
                .runningJobs().add(start.jobId());
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        String query = queryOfJob.remove(end.jobId());
        Timed timed = query == null ? null : queries.get(query);
        if (timed != null) {
            timed.runningJobs().remove(end.jobId());
        }
    }

    private void cancelOverdue() {
        long now = nanoTime.getAsLong();
        queries.forEach((query, timed) -> {
            boolean overdue = now - timed.startedNanos() > limit.toNanos();
            if (overdue && !timed.runningJobs().isEmpty()) {
                context.cancelJobsWithTag(query, reason());
            }
            // A finished query is forgotten once the limit has passed, so that the next job of a
            // query of several jobs still counts from its first one.
            if (overdue && timed.runningJobs().isEmpty()) {
                queries.remove(query, timed);
            }
        });
    }

    /** The job's Connect operation tag (as the job carries it), or null for a job of no operation. */
    private static String queryOf(SparkListenerJobStart start) {
        String tags = start.properties() == null ? null : start.properties().getProperty(JOB_TAGS);
        if (tags == null) {
            return null;
        }
        return Arrays.stream(tags.split(",")).filter(tag -> tag.contains(CONNECT_OPERATION_TAG)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        checker.shutdownNow();
        context.removeSparkListener(this);
    }
}
