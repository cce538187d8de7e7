package org.cskpi.batch.sqlserver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Which scheduler pool each Spark Connect user's jobs were submitted to, as the scheduler saw
 * it, and whether a task of theirs has finished.
 */
final class JobPools extends SparkListener {

    private record Job(String tags, String pool) {
    }

    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Job> jobOfStage = new ConcurrentHashMap<>();
    private final Map<Job, Boolean> taskEnded = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String tags = start.properties().getProperty("spark.job.tags", "");
        String pool = start.properties().getProperty(UserPools.POOL_PROPERTY, "default");
        Job job = new Job(tags, pool);
        jobs.put(start.jobId(), job);
        scala.jdk.javaapi.CollectionConverters.asJava(start.stageIds())
                .forEach(stage -> jobOfStage.put((Integer) stage, job));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Job job = jobOfStage.get(end.stageId());
        if (job != null) {
            taskEnded.put(job, true);
        }
    }

    /** The pools of the jobs Spark Connect ran for {@code userId} (its operation tags name the user). */
    List<String> poolsOf(String userId) {
        return jobs.values().stream().filter(job -> isOf(job, userId)).map(Job::pool).toList();
    }

    /** Waits until a task of a job of {@code userId} has finished (listener events arrive asynchronously). */
    void awaitTaskOf(String userId, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (taskEnded.keySet().stream().noneMatch(job -> isOf(job, userId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no task of " + userId + " finished within " + atMost);
            }
            Thread.sleep(20);
        }
    }

    private static boolean isOf(Job job, String userId) {
        return job.tags().contains("_User_" + userId + "_Session_");
    }
}
