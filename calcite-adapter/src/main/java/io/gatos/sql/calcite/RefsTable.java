package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.RefRecord;
import io.gatos.sql.ledger.scan.RefScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code refs}: every ref under refs/gatos/ in the statement's snapshot. */
final class RefsTable extends LedgerTable<RefRecord> {
    RefsTable(SnapshotRegistry snapshots) {
        super(snapshots, "refs", new Columns<RefRecord>()
                .col("name", RefRecord::name)
                .col("target", RefRecord::target)
                .col("target_type", RefRecord::targetType)
                .col("plane", RefRecord::plane), List.of("name"));
    }

    @Override
    protected Stream<RefRecord> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return RefScan.stream(snapshot, c.values("name"));
    }
}
