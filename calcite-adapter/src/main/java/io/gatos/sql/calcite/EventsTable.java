package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.scan.EventScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Presents table {@code events}; {@code ns} and {@code stream} choose the journals read,
 * {@code commit_id} and {@code id} narrow what is decoded, range filters on {@code ts} and
 * {@code id} are handed to the scan as a {@link io.gatos.sql.ledger.KeyRange}, {@code pos} is
 * computed only when selected, and envelopes are read only when an envelope column is selected.
 */
final class EventsTable extends LedgerTable<LedgerEvent> {
    private final SegmentStore cache;

    /** Presents events of the snapshots {@code snapshots} hands, through {@code cache} (nullable: none). */
    EventsTable(SnapshotRegistry snapshots, SegmentStore cache) {
        super(snapshots, "events", new Columns<LedgerEvent>()
                .col("id", LedgerEvent::id)
                .col("ns", LedgerEvent::ns)
                .col("actor", LedgerEvent::actor)
                .col("stream", LedgerEvent::stream)
                .col("pos", LedgerEvent::pos)
                .col("kind", LedgerEvent::kind)
                .col("ts", LedgerEvent::tsMillis)
                .col("payload", LedgerEvent::payload)
                .col("caps", LedgerEvent::caps)
                .col("policy_root", LedgerEvent::policyRoot)
                .col("sig_alg", LedgerEvent::sigAlg)
                .col("event_cid", LedgerEvent::eventCid)
                .col("commit_id", LedgerEvent::commitId)
                .col("error", LedgerEvent::error)
                .col("source_pos", LedgerEvent::sourcePos)
                .col("source_commit", LedgerEvent::sourceCommit), List.of("ns", "stream", "id", "commit_id"),
                "ts", "id");
        this.cache = cache;
    }

    /**
     * Declares the order {@code ts DESC, id DESC} when the row cache is on: the cached scan then
     * merges journals by time whenever {@code ts} is selected, so {@code ORDER BY ts DESC LIMIT n}
     * needs no sort and reads only the newest segments. A scan without {@code ts} declares no order.
     */
    @Override
    protected RelCollation order() {
        if (cache == null) {
            return RelCollations.EMPTY;
        }
        return RelCollations.of(
                new RelFieldCollation(definition().indexOf("ts"), RelFieldCollation.Direction.DESCENDING),
                new RelFieldCollation(definition().indexOf("id"), RelFieldCollation.Direction.DESCENDING));
    }

    @Override
    protected Stream<LedgerEvent> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        EventQuery query = EventQuery.forColumns(projectedNames(projected)).withNamespaces(c.values("ns"))
                .withStreams(c.values("stream")).withIds(c.values("id")).withCommitIds(c.values("commit_id"))
                .withRange(c.range()).withNewestFirst(cache != null && isProjected(projected, "ts"));
        return EventScan.stream(snapshot, query, cache, f -> { });
    }
}
