package io.gatos.sql.calcite;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.DataContext;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;

/**
 * Hands every scan of one statement execution the same {@link LedgerSnapshot}: the first scan of an
 * execution (identified by its {@link DataContext}) reads the refs, later scans reuse them.
 * Thread-safe; entries vanish with their execution.
 */
final class SnapshotRegistry {
    private final LedgerRepository repository;
    private final Map<DataContext, LedgerSnapshot> byExecution = new WeakHashMap<>();

    SnapshotRegistry(LedgerRepository repository) {
        this.repository = requireNonNull(repository, "repository");
    }

    synchronized LedgerSnapshot forExecution(DataContext root) {
        return byExecution.computeIfAbsent(root, r -> repository.snapshot());
    }
}
