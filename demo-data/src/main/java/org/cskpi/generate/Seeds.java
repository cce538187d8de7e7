package org.cskpi.generate;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the user's seed, so that every ticket (and every
 * hour of the arrival schedule) has its own stream: the output depends only on the seed and
 * the position, never on buffering or on how many numbers another ticket consumed.
 */
final class Seeds {

    static final long TICKET = 0x7469636b6574L;
    static final long HOUR = 0x686f7572L;
    static final long DAY = 0x646179L;
    static final long SURVEY = 0x737572766579L;
    static final long CUSTOMER = 0x637573746fL;
    /** Plus the following week's number: which changed tickets that week's export carries. */
    static final long UPDATE = 0x7570646174650000L;
    /** Plus the following week's number: which changed tickets move channel that week. */
    static final long MOVE = 0x6d6f76650000L;

    private Seeds() {
    }

    /** A stream for item {@code index} of kind {@code salt}. */
    static SplittableRandom stream(long seed, long salt, long index) {
        return new SplittableRandom(hash(seed, salt, index));
    }

    /** A well-mixed 64-bit hash of the three values (Stafford variant 13 finaliser). */
    static long hash(long seed, long salt, long index) {
        return mix(seed ^ mix(salt * 0x9E3779B97F4A7C15L + mix(index + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Log-normal draw with the given median and log-space sigma. */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** Index drawn from cumulative-free weights (they need not sum to 1). */
    static int pick(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
