package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one message of a shiplog topic (TABLES.md, shiplog). {@code contentId} and {@code error}
 * are nullable; {@code pos} is -1 when positions were not asked for; {@code sourcePos} and
 * {@code sourceCommit} are null unless the commit was imported sparsely.
 */
public record ShiplogMessage(String topic, long pos, String ulid, String ns, String type, String payload,
        String refs, String contentId, boolean contentOk, long tsMillis, String commitId, String error,
        String ref, Long sourcePos, String sourceCommit) {

    /** Checks the non-null columns. */
    public ShiplogMessage {
        requireNonNull(topic, "topic");
        requireNonNull(ulid, "ulid");
        requireNonNull(ns, "ns");
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        requireNonNull(refs, "refs");
        requireNonNull(commitId, "commitId");
        requireNonNull(ref, "ref");
    }

    /** Holds a message with no import source. */
    public ShiplogMessage(String topic, long pos, String ulid, String ns, String type, String payload,
            String refs, String contentId, boolean contentOk, long tsMillis, String commitId, String error,
            String ref) {
        this(topic, pos, ulid, ns, type, payload, refs, contentId, contentOk, tsMillis, commitId, error, ref, null,
                null);
    }
}
