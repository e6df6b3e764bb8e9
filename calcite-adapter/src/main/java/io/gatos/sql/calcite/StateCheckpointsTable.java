package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.StateCheckpoint;
import io.gatos.sql.ledger.scan.StateScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code state_checkpoints}; {@code ns} chooses the state refs read, {@code state_ref} the commits. */
final class StateCheckpointsTable extends LedgerTable<StateCheckpoint> {
    StateCheckpointsTable(SnapshotRegistry snapshots) {
        super(snapshots, "state_checkpoints", new Columns<StateCheckpoint>()
                .col("state_ref", StateCheckpoint::stateRef)
                .col("ns", StateCheckpoint::ns)
                .col("parent_id", StateCheckpoint::parentId)
                .col("is_head", StateCheckpoint::isHead)
                .col("state_root", StateCheckpoint::stateRoot)
                .col("ledger_head", StateCheckpoint::ledgerHead)
                .col("policy_root", StateCheckpoint::policyRoot)
                .col("policy_code_root", StateCheckpoint::policyCodeRoot)
                .col("fold_engine", StateCheckpoint::foldEngine)
                .col("fold_root", StateCheckpoint::foldRoot)
                .col("fold_version", StateCheckpoint::foldVersion)
                .col("ts", StateCheckpoint::tsMillis), List.of("ns", "state_ref"));
    }

    @Override
    protected Stream<StateCheckpoint> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return StateScan.checkpoints(snapshot, c.values("ns"), c.values("state_ref"), f -> { });
    }
}
