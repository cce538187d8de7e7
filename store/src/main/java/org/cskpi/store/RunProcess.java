package org.cskpi.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as the {@code runs} table records it: host name, pid and start time (null where
 * the platform does not tell). The start time tells the run's own process from a later one
 * that got the same pid.
 */
record RunProcess(String host, long pid, Instant startedAt) {

    /** How far apart two readings of one process's start time may be (the OS counts in ticks). */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    private static final RunProcess CURRENT = new RunProcess(hostName(), ProcessHandle.current().pid(),
            ProcessHandle.current().info().startInstant().orElse(null));

    static RunProcess current() {
        return CURRENT;
    }

    /** Whether this process still runs; only meaningful on its own host. */
    boolean isAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || startedAt == null) {
            return handle.isPresent();
        }
        return handle.get().info().startInstant()
                .map(start -> Duration.between(start, startedAt).abs().compareTo(SAME_START) < 0)
                .orElse(true);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Without a name, runs are still recorded; they are only ever reaped from a process
            // that also falls back to this one.
            return "localhost";
        }
    }
}
