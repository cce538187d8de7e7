package org.cskpi.store;

/**
 * Test hook for the kill -9 tests: a batch job calls {@link #haltAt} at its named stage
 * boundaries, and when the system property {@code cskpi.fault.halt_at} names that stage the
 * JVM stops there at once with status 137, as a SIGKILL would stop it: no finally blocks, no
 * shutdown hooks, no rollback. Unset (always, outside tests) it does nothing.
 */
public final class FaultInjection {

    static final String PROPERTY = "cskpi.fault.halt_at";

    private FaultInjection() {
    }

    public static void haltAt(String stage) {
        if (stage.equals(System.getProperty(PROPERTY))) {
            System.err.println("cskpi: halting at " + stage + " (" + PROPERTY + ")");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
