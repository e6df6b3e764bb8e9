package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.LedgerEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the commit-determined columns of a {@link LedgerEvent} for the row cache, and decodes
 * them back for a given journal. What depends on the ref that reached the commit (ref, ns, stream,
 * the actor of an unreadable envelope) and the position are not stored: a commit id names the same
 * encoded row whichever journal reaches it. Pure; an encoder is reusable but not thread-safe.
 */
final class EventRowCodec {
    private static final int UNREADABLE = 1;
    private static final int PAYLOAD = 2;
    private static final int POLICY_ROOT = 4;
    private static final int SIG_ALG = 8;
    private static final int EVENT_CID = 16;
    private static final int ERROR = 32;
    private static final int SOURCE_POS = 64;
    private static final int SOURCE_COMMIT = 128;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    /** Returns the bytes of {@code e}, read without its envelope blob's id (a commit-level row, or a test's). */
    byte[] encode(LedgerEvent e) {
        return encode(e, null);
    }

    /**
     * Returns the bytes of {@code e} and of the id of the envelope blob it was decoded from
     * ({@code envelope}, nullable: none was read), which a reader checks is still present.
     */
    byte[] encode(LedgerEvent e, String envelope) {
        out.reset();
        int flags = (e.error() != null ? UNREADABLE | ERROR : 0) | (e.payload() != null ? PAYLOAD : 0)
                | (e.policyRoot() != null ? POLICY_ROOT : 0) | (e.sigAlg() != null ? SIG_ALG : 0)
                | (e.eventCid() != null ? EVENT_CID : 0) | (e.sourcePos() != null ? SOURCE_POS : 0)
                | (e.sourceCommit() != null ? SOURCE_COMMIT : 0);
        out.write(flags);
        string(e.commitId());
        string(e.id());
        string(e.error() != null ? "" : e.actor());
        string(e.kind());
        number(e.tsMillis());
        string(e.caps());
        optional(e.payload());
        optional(e.policyRoot());
        optional(e.sigAlg());
        optional(e.eventCid());
        optional(e.error());
        if (e.sourcePos() != null) {
            number(e.sourcePos());
        }
        optional(e.sourceCommit());
        string(envelope == null ? "" : envelope);
        return out.toByteArray();
    }

    /** Reads rows one after the other from a segment body. */
    static final class Reader {
        private final byte[] b;
        private int at;
        private String envelope;

        Reader(byte[] body) {
            this.b = body;
        }

        /**
         * Decodes the next row for journal {@code ref} ({@code ns}/{@code actorSegment}) at {@code pos};
         * {@code payloads} false leaves the payload null without decoding it.
         */
        LedgerEvent next(String ref, String ns, String actorSegment, long pos, boolean payloads) {
            int flags = b[at++] & 0xff;
            String commitId = string();
            String id = string();
            String actor = string();
            String kind = string();
            long ts = number();
            String caps = string();
            String payload = null;
            if ((flags & PAYLOAD) != 0) {
                payload = payloads ? string() : skip();
            }
            String policyRoot = (flags & POLICY_ROOT) != 0 ? string() : null;
            String sigAlg = (flags & SIG_ALG) != 0 ? string() : null;
            String eventCid = (flags & EVENT_CID) != 0 ? string() : null;
            String error = (flags & ERROR) != 0 ? string() : null;
            Long sourcePos = (flags & SOURCE_POS) != 0 ? number() : null;
            String sourceCommit = (flags & SOURCE_COMMIT) != 0 ? string() : null;
            String blob = string();
            envelope = blob.isEmpty() ? null : blob;
            if ((flags & UNREADABLE) != 0) {
                actor = "unknown:" + actorSegment;
            }
            return new LedgerEvent(id, ns, actor, ns + "/" + actorSegment, pos, kind, ts, payload, caps, policyRoot,
                    sigAlg, eventCid, commitId, error, ref, sourcePos, sourceCommit);
        }

        /** Returns the id of the envelope blob the last row was decoded from, or null when it had none. */
        String envelope() {
            return envelope;
        }

        private String string() {
            int n = (int) number();
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        private String skip() {
            int n = (int) number(); // before reading 'at': number() moves it
            at += n;
            return null;
        }

        private long number() {
            long v = 0;
            int shift = 0;
            while (true) {
                int x = b[at++] & 0xff;
                v |= (long) (x & 0x7f) << shift;
                if (x < 0x80) {
                    return v >>> 1 ^ -(v & 1);
                }
                shift += 7;
            }
        }
    }

    private void optional(String s) {
        if (s != null) {
            string(s);
        }
    }

    private void string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** Writes {@code v} as a zigzag varint. */
    private void number(long v) {
        long z = v << 1 ^ v >> 63;
        while ((z & ~0x7fL) != 0) {
            out.write((int) (z & 0x7f | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
    }
}
