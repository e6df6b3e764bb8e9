package io.gatos.sql.calcite;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.LedgerSnapshot;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;

/**
 * Hands every scan of one statement execution the same {@link LedgerSnapshot}: the first scan of an
 * execution (identified by its {@link DataContext}) calls the supplier once, later scans reuse its
 * snapshot. Thread-safe; entries vanish with their execution.
 */
final class SnapshotRegistry {
    private final Supplier<LedgerSnapshot> snapshots;
    private final Map<DataContext, LedgerSnapshot> byExecution = new WeakHashMap<>();

    /** Takes snapshots from {@code snapshots}, which must not return null. */
    SnapshotRegistry(Supplier<LedgerSnapshot> snapshots) {
        this.snapshots = requireNonNull(snapshots, "snapshots");
    }

    /** Returns the snapshot of the execution {@code root}, taking it on the first call. */
    synchronized LedgerSnapshot forExecution(DataContext root) {
        return byExecution.computeIfAbsent(root,
                r -> requireNonNull(snapshots.get(), "the snapshot supplier returned null"));
    }
}
