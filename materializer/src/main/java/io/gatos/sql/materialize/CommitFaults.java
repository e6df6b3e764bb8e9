package io.gatos.sql.materialize;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Halts the process before a numbered write or rename of an export's commit when the system
 * property {@value #PROPERTY} names that step, so that tests can kill a run between any two of
 * them; without the property, as in production, {@link #step} only returns. Costs one counter
 * increment per step when armed, nothing otherwise.
 */
public final class CommitFaults {
    /** The system property naming the 1-based step to halt before (absent or 0: never halt). */
    public static final String PROPERTY = "gatos.test.haltAtCommitStep";
    /** The exit status of a process halted by this seam. */
    public static final int EXIT = 86;
    private static final int HALT_AT = Integer.getInteger(PROPERTY, 0);
    private static final AtomicInteger STEP = new AtomicInteger();

    private CommitFaults() {
    }

    /** Counts one commit step ({@code what} names it) and halts the JVM when it is the armed one. */
    public static void step(String what) {
        if (HALT_AT > 0 && STEP.incrementAndGet() == HALT_AT) {
            System.err.println("halting before commit step " + HALT_AT + ": " + what);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT);
        }
    }
}
