package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.StateNode;
import io.gatos.sql.ledger.scan.StateScan;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Presents table {@code state_nodes}; {@code ns} and {@code state_ref} choose the checkpoints read,
 * and {@code id} ({@code <state_ref>:<path>}) reads only the checkpoint it names.
 */
final class StateNodesTable extends LedgerTable<StateNode> {
    StateNodesTable(SnapshotRegistry snapshots) {
        super(snapshots, "state_nodes", new Columns<StateNode>()
                .col("id", StateNode::id)
                .col("state_ref", StateNode::stateRef)
                .col("ns", StateNode::ns)
                .col("path", StateNode::path)
                .col("digest", StateNode::digest)
                .col("blob_id", StateNode::blobId)
                .col("size", StateNode::size)
                .col("shape", StateNode::shape), List.of("id", "ns", "state_ref"));
    }

    @Override
    protected Stream<StateNode> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        Set<String> ids = c.values("id");
        Set<String> refs = c.values("state_ref");
        if (ids != null) {
            Set<String> fromIds = new HashSet<>();
            ids.forEach(id -> fromIds.add(id.contains(":") ? id.substring(0, id.indexOf(':')) : id));
            if (refs != null) {
                fromIds.retainAll(refs);
            }
            refs = fromIds;
        }
        Stream<StateNode> nodes = StateScan.nodes(snapshot, c.values("ns"), refs, f -> { });
        return ids == null ? nodes : nodes.filter(n -> ids.contains(n.id()));
    }
}
