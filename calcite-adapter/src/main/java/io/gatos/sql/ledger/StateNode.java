package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.decode.NodeShapes;

/**
 * Holds one blob in the tree of a state checkpoint (TABLES.md, state_nodes): {@code id} is
 * {@code <stateRef>:<path>}, {@code digest} is {@code blake3:<hex>} of the blob bytes, {@code size}
 * their count and {@code shape} the JSON type skeleton of {@link NodeShapes}. Every component is
 * non-null. Immutable; holds no resources.
 */
public record StateNode(String id, String stateRef, String ns, String path, String digest, String blobId, long size,
        String shape) {

    /** Checks every column is present. */
    public StateNode {
        requireNonNull(id, "id");
        requireNonNull(stateRef, "stateRef");
        requireNonNull(ns, "ns");
        requireNonNull(path, "path");
        requireNonNull(digest, "digest");
        requireNonNull(blobId, "blobId");
        requireNonNull(shape, "shape");
    }
}
