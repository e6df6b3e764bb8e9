package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PointerRecord;
import io.gatos.sql.ledger.scan.PointerScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code pointers} (metadata only; no location is ever opened). */
final class PointersTable extends LedgerTable<PointerRecord> {
    PointersTable(SnapshotRegistry snapshots) {
        super(snapshots, "pointers", new Columns<PointerRecord>()
                .col("digest", PointerRecord::digest)
                .col("kind", PointerRecord::kind)
                .col("algo", PointerRecord::algo)
                .col("size", PointerRecord::size)
                .col("location", PointerRecord::location)
                .col("capability", PointerRecord::capability)
                .col("source", PointerRecord::source)
                .col("state_ref", PointerRecord::stateRef)
                .col("commit_id", PointerRecord::commitId)
                .col("path", PointerRecord::path), List.of("state_ref", "commit_id"));
    }

    @Override
    protected Stream<PointerRecord> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return PointerScan.stream(snapshot, c.values("state_ref"), c.values("commit_id"), f -> { });
    }
}
