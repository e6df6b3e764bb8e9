package io.gatos.sql.calcite.exec;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Signals that a scan stopped before its end because its statement was cancelled or ran past its
 * query timeout ({@link java.sql.Statement#setQueryTimeout}); Calcite wraps it in the {@code
 * SQLException} the client sees, and servers look for it in the cause chain to report a timeout
 * as such.
 */
public final class QueryStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Says why a scan stopped. */
    public enum Reason {
        /** The statement was cancelled ({@link java.sql.Statement#cancel}). */
        CANCELLED,
        /** The statement ran past its query timeout. */
        TIMED_OUT
    }

    private final Reason reason;
    private final long timeoutMillis;

    /** Creates the exception; {@code timeoutMillis} is the timeout that passed, or 0. */
    public QueryStoppedException(Reason reason, long timeoutMillis, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
        this.timeoutMillis = timeoutMillis;
    }

    /** Returns why the scan stopped. */
    public Reason reason() {
        return reason;
    }

    /** Returns the timeout that passed, in milliseconds, or 0 when the statement was cancelled. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Returns the first {@link QueryStoppedException} in the cause chain of {@code error}, or null. */
    public static QueryStoppedException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryStoppedException q) {
                return q;
            }
        }
        return null;
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
