package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.ShiplogMessage;
import io.gatos.sql.ledger.scan.ShiplogScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Presents table {@code shiplog}; {@code topic} chooses the topics read, {@code commit_id} what is
 * decoded, and range filters on {@code ts} and {@code ulid} which envelopes are read at all.
 */
final class ShiplogTable extends LedgerTable<ShiplogMessage> {
    /** The shiplog columns, shared with {@code shiplog_read}. */
    static final Columns<ShiplogMessage> COLUMNS = new Columns<ShiplogMessage>()
            .col("topic", ShiplogMessage::topic)
            .col("pos", ShiplogMessage::pos)
            .col("ulid", ShiplogMessage::ulid)
            .col("ns", ShiplogMessage::ns)
            .col("type", ShiplogMessage::type)
            .col("payload", ShiplogMessage::payload)
            .col("refs", ShiplogMessage::refs)
            .col("content_id", ShiplogMessage::contentId)
            .col("content_ok", ShiplogMessage::contentOk)
            .col("ts", ShiplogMessage::tsMillis)
            .col("commit_id", ShiplogMessage::commitId)
            .col("error", ShiplogMessage::error)
            .col("source_pos", ShiplogMessage::sourcePos)
            .col("source_commit", ShiplogMessage::sourceCommit);

    ShiplogTable(SnapshotRegistry snapshots) {
        super(snapshots, "shiplog", COLUMNS, List.of("topic", "commit_id"), "ts", "ulid");
    }

    @Override
    protected Stream<ShiplogMessage> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return ShiplogScan.stream(snapshot, c.values("topic"), c.values("commit_id"), c.range(),
                isProjected(projected, "pos"), f -> { });
    }
}
