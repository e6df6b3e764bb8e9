package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Turns one journal commit and its envelope bytes into a {@link LedgerEvent}; pure, so malformed
 * envelopes become rows with an {@code error} rather than exceptions.
 */
final class EventDecoder {
    private final String ref;
    private final String ns;
    private final String actorSegment;
    private final GitCommit commit;
    private final long pos;
    private Trailers trailers;

    EventDecoder(String ref, String ns, String actorSegment, GitCommit commit, long pos) {
        this.ref = requireNonNull(ref, "ref");
        this.ns = requireNonNull(ns, "ns");
        this.actorSegment = requireNonNull(actorSegment, "actorSegment");
        this.commit = requireNonNull(commit, "commit");
        this.pos = pos;
    }

    LedgerEvent decode(byte[] bytes) {
        JsonValue parsed;
        try {
            parsed = Json.parse(bytes);
        } catch (Json.SyntaxException e) {
            return unreadable("envelope is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof JsonValue.Obj envelope)) {
            return unreadable("envelope is not a JSON object");
        }
        String ulid = envelope.string("ulid");
        String type = envelope.string("type") != null ? envelope.string("type") : envelope.string("event_type");
        String actor = envelope.string("actor");
        JsonValue payload = envelope.get("payload");
        String missing = ulid == null ? "ulid" : type == null ? "type" : actor == null ? "actor"
                : payload == null ? "payload" : null;
        if (missing != null) {
            return unreadable("envelope has no string '" + missing + "'");
        }
        Long ts = Envelopes.rfc3339Millis(envelope.string("ts"));
        return new LedgerEvent(ulid, ns, actor, stream(), pos, type, ts != null ? ts : commit.committerMillis(),
                Json.write(payload), Envelopes.json(envelope, "caps", "[]"), envelope.string("policy_root"),
                sigAlg(envelope), eventCid(), commit.id(), null, ref, SourceTrailers.pos(trailers()),
                SourceTrailers.commit(trailers()));
    }

    LedgerEvent unreadable(String reason) {
        String kind = commit.subject().isBlank() ? "unknown" : commit.subject().trim();
        return new LedgerEvent(commit.id(), ns, "unknown:" + actorSegment, stream(), pos, kind,
                commit.committerMillis(), null, "[]", null, null, eventCid(), commit.id(), reason, ref,
                SourceTrailers.pos(trailers()), SourceTrailers.commit(trailers()));
    }

    /**
     * Returns the event as far as the commit alone tells: ref, position, commit id and Event-CID are
     * true; the envelope columns are placeholders that a caller who asked for no envelope never reads.
     */
    LedgerEvent headerOnly() {
        return new LedgerEvent(commit.id(), ns, "", stream(), pos, "", commit.committerMillis(), null, "[]", null,
                null, eventCid(), commit.id(), null, ref, SourceTrailers.pos(trailers()),
                SourceTrailers.commit(trailers()));
    }

    private String stream() {
        return ns + "/" + actorSegment;
    }

    private String eventCid() {
        return trailers().first("Event-CID");
    }

    /** Returns the envelope's {@code sig_alg}, else the commit's {@code Sig-Alg} trailer, else null. */
    private String sigAlg(JsonValue.Obj envelope) {
        String fromEnvelope = envelope.string("sig_alg");
        return fromEnvelope != null ? fromEnvelope : trailers().first("Sig-Alg");
    }

    private Trailers trailers() {
        if (trailers == null) {
            trailers = commit.trailers();
        }
        return trailers;
    }
}
