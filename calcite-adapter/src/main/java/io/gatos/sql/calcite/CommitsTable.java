package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.CommitRecord;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.scan.CommitScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code commits}; {@code id} equality reads those commits directly. */
final class CommitsTable extends LedgerTable<CommitRecord> {
    CommitsTable(SnapshotRegistry snapshots) {
        super(snapshots, "commits", new Columns<CommitRecord>()
                .col("id", CommitRecord::id)
                .col("parent_id", CommitRecord::parentId)
                .col("parent_count", CommitRecord::parentCount)
                .col("author", CommitRecord::author)
                .col("committer", CommitRecord::committer)
                .col("ts", CommitRecord::tsMillis)
                .col("message", CommitRecord::message)
                .col("trailers", CommitRecord::trailers)
                .col("shape_root", CommitRecord::shapeRoot)
                .col("plane", CommitRecord::plane)
                .col("ref", CommitRecord::ref), List.of("id"));
    }

    @Override
    protected Stream<CommitRecord> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return CommitScan.stream(snapshot, c.values("id"), f -> { });
    }
}
