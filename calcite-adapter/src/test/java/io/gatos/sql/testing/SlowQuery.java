package io.gatos.sql.testing;

/**
 * Supplies a query whose scans run for seconds on a small ledger, for tests of timeouts and
 * cancellation: a theta self-join, for which Calcite re-opens the inner scan for every outer row
 * (about 4 s on {@link #EVENTS} events on a 2-core machine).
 */
public final class SlowQuery {
    /** How many events {@link #addEvents} writes. */
    public static final int EVENTS = 250;

    /** The query; it returns one row (a count) when it is not stopped. */
    public static final String SQL =
            "SELECT COUNT(*) FROM events a JOIN events b ON a.ts < b.ts AND b.payload LIKE '%x%'";

    private SlowQuery() {
    }

    /** Appends {@link #EVENTS} events to namespace {@code ns} of {@code ledger}. */
    public static void addEvents(LedgerTestRepository ledger, String ns) {
        for (int i = 0; i < EVENTS; i++) {
            ledger.event(ns, "alice", "order.created", "{\"n\":" + i + "}");
        }
    }
}
