package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.cskpi.web.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String GUESSER = "198.51.100.66";
    private static final String OFFICE = "203.0.113.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(100, clock);

    /** Attempts let through without a sign-in: each one counts as a failure. */
    private void failures(String address, String username, int times) {
        for (int i = 1; i <= times; i++) {
            assertThat(throttle.tryAcquire(address, username)).as("%s at %s, failure %d", username, address, i).isZero();
        }
    }

    @Test
    void failures_for_a_name_at_one_address_hold_back_only_that_name_there() {
        failures(GUESSER, "bob", 6);
        assertThat(throttle.tryAcquire(GUESSER, "Bob")).as("the same name in any case").isEqualTo(1);
        assertThat(throttle.tryAcquire(OFFICE, "bob")).as("bob at his own address").isZero();
        assertThat(throttle.tryAcquire(GUESSER, "alice")).as("another name at that address").isZero();
    }

    @Test
    void each_further_failure_doubles_the_wait_and_refused_attempts_count_nowhere() {
        failures(GUESSER, "bob", 6);
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.tryAcquire(GUESSER, "bob")).isEqualTo(1);
        }
        clock.advance(Duration.ofSeconds(1));
        failures(GUESSER, "bob", 1);
        assertThat(throttle.tryAcquire(GUESSER, "bob")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        failures(GUESSER, "bob", 1);
        assertThat(throttle.tryAcquire(GUESSER, "bob")).isEqualTo(4);
    }

    @Test
    void one_address_trying_many_names_is_held_back_whatever_the_name() {
        for (int i = 1; i <= 21; i++) {
            failures(GUESSER, "user" + i, 1);
        }
        assertThat(throttle.tryAcquire(GUESSER, "user22")).isEqualTo(1);
        assertThat(throttle.tryAcquire(OFFICE, "user22")).isZero();
    }

    @Test
    void signing_in_clears_the_names_failures_and_does_not_charge_the_address() {
        failures(OFFICE, "bob", 6);
        throttle.succeeded(OFFICE, "bob");
        failures(OFFICE, "bob", 6);
        for (int i = 1; i <= 30; i++) {
            failures(OFFICE, "user" + i, 1);
            throttle.succeeded(OFFICE, "user" + i);
        }
        assertThat(throttle.tryAcquire(OFFICE, "alice")).as("5 + 6 failures so far, under the address's 20").isZero();
    }

    @Test
    void an_address_makes_at_most_the_configured_attempts_a_minute_whatever_the_outcome() {
        LoginThrottle threeAMinute = new LoginThrottle(3, clock);
        for (int i = 1; i <= 3; i++) {
            assertThat(threeAMinute.tryAcquire(OFFICE, "user" + i)).isZero();
            threeAMinute.succeeded(OFFICE, "user" + i);
        }
        assertThat(threeAMinute.tryAcquire(OFFICE, "user4")).isEqualTo(61);
        assertThat(threeAMinute.tryAcquire(GUESSER, "user4")).isZero();
    }
}
