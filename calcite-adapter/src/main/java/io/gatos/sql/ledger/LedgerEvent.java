package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one journal event (TABLES.md, events). {@code payload} is compact sorted JSON, null only
 * when the envelope could not be read, and then {@code error} says why; {@code policyRoot},
 * {@code sigAlg} and {@code eventCid} are nullable; {@code pos} is -1 when positions were not asked
 * for; {@code sourcePos} and {@code sourceCommit} are null unless the commit was imported sparsely.
 */
public record LedgerEvent(String id, String ns, String actor, String stream, long pos, String kind, long tsMillis,
        String payload, String caps, String policyRoot, String sigAlg, String eventCid, String commitId,
        String error, String ref, Long sourcePos, String sourceCommit) {

    /** Checks the non-null columns. */
    public LedgerEvent {
        requireNonNull(id, "id");
        requireNonNull(ns, "ns");
        requireNonNull(actor, "actor");
        requireNonNull(stream, "stream");
        requireNonNull(kind, "kind");
        requireNonNull(caps, "caps");
        requireNonNull(commitId, "commitId");
        requireNonNull(ref, "ref");
    }

    /** Holds an event with no import source. */
    public LedgerEvent(String id, String ns, String actor, String stream, long pos, String kind, long tsMillis,
            String payload, String caps, String policyRoot, String sigAlg, String eventCid, String commitId,
            String error, String ref) {
        this(id, ns, actor, stream, pos, kind, tsMillis, payload, caps, policyRoot, sigAlg, eventCid, commitId,
                error, ref, null, null);
    }

    /** Returns whether the envelope was read (the id is then a ULID). */
    public boolean readable() {
        return error == null;
    }
}
