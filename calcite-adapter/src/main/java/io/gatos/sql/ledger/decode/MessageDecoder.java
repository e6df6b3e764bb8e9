package io.gatos.sql.ledger.decode;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.ShiplogMessage;
import io.gatos.sql.ledger.git.GitCommit;

/**
 * Turns one shiplog commit and its envelope bytes into a {@link ShiplogMessage}, checking the
 * Content-Id trailer against BLAKE3 of the exact envelope bytes. Pure. Text columns show unpaired
 * surrogates as U+FFFD; a {@code ulid} that is no ULID is kept, and {@code ts} is then the committer
 * time (the scan reports both).
 */
public final class MessageDecoder {
    private MessageDecoder() {
    }

    /** Returns the ULID named by the commit's {@code Event-Id: ulid:<ULID>} trailer, or null. */
    public static String trailerUlid(GitCommit commit) {
        String eventId = commit.trailers().first("Event-Id");
        if (eventId == null) {
            return null;
        }
        String ulid = eventId.startsWith("ulid:") ? eventId.substring(5) : eventId;
        return Ulid.isValid(ulid) ? ulid : null;
    }

    public static ShiplogMessage decode(String topic, String ref, long pos, GitCommit commit, byte[] bytes) {
        String contentId = commit.trailers().first("Content-Id");
        boolean contentOk = bytes != null && contentId != null && contentId.equals(Blake3.prefixed(bytes));
        if (bytes == null) {
            return unreadable(topic, ref, pos, commit, contentId, "the commit has no " + TreePaths.ENVELOPE);
        }
        JsonValue parsed;
        try {
            parsed = Json.parse(bytes);
        } catch (Json.SyntaxException e) {
            return unreadable(topic, ref, pos, commit, contentId, "envelope is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof JsonValue.Obj envelope) || envelope.string("ulid") == null) {
            return unreadable(topic, ref, pos, commit, contentId, "envelope is not an object with a string 'ulid'");
        }
        String ulid = Text.wellFormed(envelope.string("ulid"));
        long ts = Ulid.isValid(ulid) ? Ulid.timeMillis(ulid) : commit.committerMillis();
        String ns = Text.wellFormed(envelope.string("ns"));
        String type = Text.wellFormed(envelope.string("type"));
        return new ShiplogMessage(topic, pos, ulid, ns == null ? "" : ns, type == null ? "" : type,
                Envelopes.json(envelope, "payload", "{}"), Envelopes.json(envelope, "refs", "{}"), contentId,
                contentOk, ts, commit.id(), null, ref, SourceTrailers.pos(commit.trailers()),
                SourceTrailers.commit(commit.trailers()));
    }

    private static ShiplogMessage unreadable(String topic, String ref, long pos, GitCommit commit, String contentId,
            String reason) {
        String ulid = trailerUlid(commit);
        return new ShiplogMessage(topic, pos, ulid == null ? commit.id() : ulid, "", commit.subject().trim(), "{}",
                "{}", contentId, false, ulid == null ? commit.committerMillis() : Ulid.timeMillis(ulid), commit.id(),
                reason, ref, SourceTrailers.pos(commit.trailers()), SourceTrailers.commit(commit.trailers()));
    }
}
