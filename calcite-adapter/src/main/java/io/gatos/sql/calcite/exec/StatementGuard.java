package io.gatos.sql.calcite.exec;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.calcite.DataContext;

/**
 * Stops a scan when its statement is cancelled or has run past its query timeout: reads the cancel
 * flag, the timeout and the start time Calcite puts in a statement's {@link DataContext}. Costs one
 * volatile read and one clock read per check.
 *
 * @param flag the statement's cancel flag
 * @param timeoutMillis the statement's query timeout, or 0 for none
 * @param startMillis when the statement began executing, on {@code clock}
 * @param clock the wall clock in milliseconds
 */
public record StatementGuard(AtomicBoolean flag, long timeoutMillis, long startMillis, LongSupplier clock) {
    /** Checks that the flag and the clock are given. */
    public StatementGuard {
        requireNonNull(flag, "flag");
        requireNonNull(clock, "clock");
    }

    /** Returns a guard that never stops, for scans outside a statement. */
    static StatementGuard none() {
        return new StatementGuard(new AtomicBoolean(), 0, 0, System::currentTimeMillis);
    }

    /** Returns the guard of the statement execution {@code root}; a null root never stops. */
    public static StatementGuard of(DataContext root) {
        if (root == null) {
            return none();
        }
        Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
        Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
        Object start = root.get(DataContext.Variable.UTC_TIMESTAMP.camelName);
        long now = System.currentTimeMillis();
        return new StatementGuard(flag instanceof AtomicBoolean b ? b : new AtomicBoolean(),
                timeout instanceof Long t && t > 0 ? t : 0,
                start instanceof Long s && s <= now ? s : now,
                System::currentTimeMillis);
    }

    /** Returns whether the statement was cancelled. */
    boolean cancelled() {
        return flag.get();
    }

    /**
     * Throws when the statement was cancelled or its timeout has passed.
     *
     * @param table the table being scanned, named in the message
     * @throws QueryStoppedException if the scan must stop
     */
    void check(String table) {
        if (flag.get()) {
            throw new QueryStoppedException(QueryStoppedException.Reason.CANCELLED, 0,
                    "statement cancelled while scanning " + table);
        }
        if (timeoutMillis > 0 && clock.getAsLong() - startMillis > timeoutMillis) {
            throw new QueryStoppedException(QueryStoppedException.Reason.TIMED_OUT, timeoutMillis,
                    "statement timeout of " + QueryStoppedException.seconds(timeoutMillis)
                            + " exceeded while scanning " + table
                            + "; narrow the query (a WHERE on ns, ts or commit_id, or a LIMIT) or raise the timeout");
        }
    }
}
