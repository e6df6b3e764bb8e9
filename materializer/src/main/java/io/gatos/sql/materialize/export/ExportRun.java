package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.scan.Frontier;

/**
 * Holds what every writer of one export run needs: the options, the resolved plan, the pinned
 * ledger state, the frontier measured against the previous export, the open repository (borrowed,
 * not closed here) and when the run started.
 */
record ExportRun(ExportOptions options, ExportPlan plan, LedgerState state, Frontier frontier,
        LedgerRepository repository, long startNanos) {
    ExportRun {
        requireNonNull(options, "options");
        requireNonNull(plan, "plan");
        requireNonNull(state, "state");
        requireNonNull(frontier, "frontier");
        requireNonNull(repository, "repository");
    }

    /** Returns the milliseconds since the run started. */
    long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
