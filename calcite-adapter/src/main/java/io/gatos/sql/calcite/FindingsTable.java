package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.scan.FindingScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code findings}; reading it reads the whole ledger. */
final class FindingsTable extends LedgerTable<Finding> {
    FindingsTable(SnapshotRegistry snapshots) {
        super(snapshots, "findings", new Columns<Finding>()
                .col("ref", Finding::ref)
                .col("commit_id", Finding::commitId)
                .col("path", Finding::path)
                .col("code", f -> f.code().name())
                .col("message", Finding::message), List.of());
    }

    @Override
    protected Stream<Finding> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return FindingScan.stream(snapshot);
    }
}
