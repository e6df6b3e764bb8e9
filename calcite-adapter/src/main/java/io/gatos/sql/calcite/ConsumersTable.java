package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.ConsumerCheckpoint;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.scan.ConsumerScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code consumers}; {@code group_name} and {@code topic} choose the checkpoint refs read. */
final class ConsumersTable extends LedgerTable<ConsumerCheckpoint> {
    ConsumersTable(SnapshotRegistry snapshots) {
        super(snapshots, "consumers", new Columns<ConsumerCheckpoint>()
                .col("group_name", ConsumerCheckpoint::groupName)
                .col("topic", ConsumerCheckpoint::topic)
                .col("ulid", ConsumerCheckpoint::ulid)
                .col("commit_id", ConsumerCheckpoint::commitId)
                .col("head_ulid", ConsumerCheckpoint::headUlid)
                .col("lag", ConsumerCheckpoint::lag)
                .col("updated_ts", ConsumerCheckpoint::updatedMillis), List.of("group_name", "topic"));
    }

    @Override
    protected Stream<ConsumerCheckpoint> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return ConsumerScan.stream(snapshot, c.values("group_name"), c.values("topic"), f -> { });
    }
}
