package org.cskpi.batch.sqlserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.Pool;
import org.apache.spark.scheduler.SchedulingMode;

/**
 * One fair scheduler pool per Spark Connect user (docs/sql-server.md#security-model): the
 * scheduler shares the cores fairly between the users' pools, and fairly between one user's
 * queries inside their pool, so an analyst's runaway query competes with their own queries,
 * not with everybody's.
 *
 * <p>A pool's name comes from the user id through {@link #poolName}, never as the raw text: a
 * plain id is kept readable, anything else becomes a hash. Pools are created here, FAIR inside;
 * Spark would create a pool it does not know as FIFO inside, which would queue a user's
 * {@code SELECT 1} behind their own long query. Spark never removes a pool, so past
 * {@link #MAX_POOLS} users the rest share one.
 */
final class UserPools {

    /** The local property (set through the session's conf) that picks a job's pool. */
    static final String POOL_PROPERTY = "spark.scheduler.pool";
    static final int MAX_POOLS = 1000;
    static final String OVERFLOW_POOL = "users#overflow";

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final SparkContext context;
    private int created;

    UserPools(SparkContext context) {
        this.context = context;
    }

    /**
     * {@code user:ID} for an id of letters, digits and {@code . _ @ -} (at most 64), else
     * {@code user#} and the first 16 hex digits of its SHA-256. The two forms cannot collide:
     * a plain id has no {@code #}.
     */
    static String poolName(String userId) {
        if (PLAIN_ID.matcher(userId).matches()) {
            return "user:" + userId;
        }
        return "user#" + HexFormat.of().formatHex(sha256(userId), 0, 8);
    }

    /** The user's pool, created (FAIR inside, weight 1) if it is not there yet. */
    synchronized String poolFor(String userId) {
        String name = poolName(userId);
        Pool root = context.taskScheduler().rootPool();
        if (root.getSchedulableByName(name) != null) {
            return name;
        }
        if (created >= MAX_POOLS) {
            name = OVERFLOW_POOL;
            if (root.getSchedulableByName(name) != null) {
                return name;
            }
        }
        root.addSchedulable(new Pool(name, SchedulingMode.FAIR(), 0, 1));
        created++;
        return name;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
