package org.cskpi.web.auth;

import java.time.Clock;
import java.util.Locale;

/**
 * Whether a sign-in attempt may check a password now. Every limit is keyed by the client
 * address, so someone guessing from one address cannot stop the real user signing in from
 * another:
 * <ul>
 * <li>per user name at an address: after {@value #FREE_FAILURES_PER_NAME} failures, growing
 * delays ({@link FailureBackoff}); signing in clears them;</li>
 * <li>per address, whatever the name: after {@value #FREE_FAILURES_PER_ADDRESS} failures,
 * growing delays (one address trying many names);</li>
 * <li>per address: at most {@code web.login_attempts_per_minute} attempts of any outcome, as
 * each one costs a password hash.</li>
 * </ul>
 * An attempt that is let through counts as a failure at once, before its password is checked,
 * so parallel guesses cannot all slip in while the hashes are computed; a sign-in takes that
 * back. Refused attempts count nowhere. Names are not looked up here, so a known and an
 * unknown name are throttled alike.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES_PER_NAME = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;

    private final LoginRateLimiter attempts;
    private final FailureBackoff perName;
    private final FailureBackoff perAddress;

    public LoginThrottle(int attemptsPerMinute, Clock clock) {
        this.attempts = new LoginRateLimiter(attemptsPerMinute, clock);
        this.perName = new FailureBackoff(FREE_FAILURES_PER_NAME, clock);
        this.perAddress = new FailureBackoff(FREE_FAILURES_PER_ADDRESS, clock);
    }

    /**
     * 0 when {@code username} may try a password from {@code address} now (the attempt then
     * counts as failed until {@link #succeeded}); else the seconds to wait, and nothing is counted.
     */
    public synchronized long tryAcquire(String address, String username) {
        String name = nameKey(address, username);
        long wait = Math.max(perName.waitSeconds(name), perAddress.waitSeconds(address));
        if (wait > 0) {
            return wait;
        }
        if (!attempts.tryAcquire(address)) {
            return attempts.retryAfterSeconds(address);
        }
        perName.fail(name);
        perAddress.fail(address);
        return 0;
    }

    /** The password was right: the name starts afresh at this address, and the address is not charged. */
    public synchronized void succeeded(String address, String username) {
        perName.clear(nameKey(address, username));
        perAddress.forgiveOne(address);
    }

    /** An address holds no space, so the first one ends it. */
    private static String nameKey(String address, String username) {
        return address + " " + username.toLowerCase(Locale.ROOT);
    }
}
