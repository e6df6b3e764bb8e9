package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one state checkpoint commit (TABLES.md, state_checkpoints; LAYOUT §4). {@code parentId} and
 * the seven trailer values ({@code stateRoot} to {@code foldVersion}) are nullable, each exactly as
 * the commit wrote it even when malformed; {@code tsMillis} is the committer time and {@code ref}
 * the state ref it was read through. Immutable; holds no resources.
 */
public record StateCheckpoint(String stateRef, String ns, String parentId, boolean isHead, String stateRoot,
        String ledgerHead, String policyRoot, String policyCodeRoot, String foldEngine, String foldRoot,
        String foldVersion, long tsMillis, String ref) {

    /** Checks the non-null columns. */
    public StateCheckpoint {
        requireNonNull(stateRef, "stateRef");
        requireNonNull(ns, "ns");
        requireNonNull(ref, "ref");
    }
}
