package org.cskpi.mail;

import java.time.Duration;

/** Waits; tests pass one that only records the waits, or moves a fake clock. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
