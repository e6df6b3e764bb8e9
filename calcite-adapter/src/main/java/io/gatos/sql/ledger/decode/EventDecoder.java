package io.gatos.sql.ledger.decode;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.codec.Trailers;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.git.GitCommit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one journal commit and its envelope bytes into a {@link LedgerEvent}; pure, so malformed
 * envelopes become rows with an {@code error} rather than exceptions. What a readable envelope
 * holds that is not what it should be (a ULID that is none, a {@code ts} that is no time, a string
 * with an unpaired surrogate) is kept in the row as far as it can be and listed in {@link #notes}
 * for the caller to report; text columns show unpaired surrogates as U+FFFD.
 */
public final class EventDecoder {
    /** One problem of a readable envelope: its finding code, path (file and JSON pointer) and message. */
    record Note(FindingCode code, String path, String message) {
    }

    private final String ref;
    private final String ns;
    private final String actorSegment;
    private final GitCommit commit;
    private final long pos;
    private Trailers trailers;
    private final List<Note> notes = new ArrayList<>();

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
        if (!Ulid.isValid(ulid)) {
            notes.add(new Note(FindingCode.BAD_ULID, TreePaths.ENVELOPE, "envelope ulid '" + Text.excerpt(ulid)
                    + "' is not a ULID (26 upper-case Crockford base32 characters); the event keeps it as its id"));
        }
        if (Text.maySurrogate(bytes)) {
            Text.unpaired(envelope, (pointer, escape) -> notes.add(new Note(FindingCode.BAD_TEXT,
                    TreePaths.ENVELOPE + "#" + pointer, Text.unpairedMessage(escape))));
        }
        return new LedgerEvent(Text.wellFormed(ulid), ns, Text.wellFormed(actor), stream(), pos,
                Text.wellFormed(type), ts(envelope), Json.write(payload), Envelopes.json(envelope, "caps", "[]"),
                Text.wellFormed(envelope.string("policy_root")), Text.wellFormed(sigAlg(envelope)), eventCid(),
                commit.id(), null, ref, SourceTrailers.pos(trailers()), SourceTrailers.commit(trailers()));
    }

    /** Returns the problems of the envelope {@link #decode} read last (empty when it was unreadable). */
    List<Note> notes() {
        return notes;
    }

    /** Returns the envelope's {@code ts}, else (noting a {@code ts} that is no RFC 3339 time) the committer time. */
    private long ts(JsonValue.Obj envelope) {
        JsonValue value = envelope.get("ts");
        Long ts = Envelopes.rfc3339Millis(envelope.string("ts"));
        if (ts != null) {
            return ts;
        }
        if (value != null && !(value instanceof JsonValue.Null)) {
            String text = value instanceof JsonValue.Str s ? "'" + Text.excerpt(s.value()) + "'"
                    : Text.excerpt(Json.write(value));
            notes.add(new Note(FindingCode.BAD_TIME, TreePaths.ENVELOPE + "#/ts", "envelope ts " + text
                    + " is not an RFC 3339 time; ts reads as the committer time"));
        }
        return commit.committerMillis();
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
