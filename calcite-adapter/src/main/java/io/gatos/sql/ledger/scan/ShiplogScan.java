package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.ShiplogMessage;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.decode.MessageDecoder;
import io.gatos.sql.ledger.decode.Text;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import io.gatos.sql.ledger.git.NumberedWalk;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads shiplog topics (LAYOUT §2) under both ref spellings, lazily and newest first within a
 * topic, and implements ADR-0005's {@code read(topic, since_ulid, limit)}. A topic present under both
 * spellings is read from {@code refs/gatos/messages/} and reported as {@code TOPIC_ALIASED}.
 */
public final class ShiplogScan {
    /** The first spelling of topic refs (ADR-0005 as first written). */
    public static final String SHIPLOG = Plane.SHIPLOG.prefixes().get(0);
    /** The later spelling of topic refs. */
    public static final String MESSAGES = Plane.SHIPLOG.prefixes().get(1);
    /** Largest page {@link #read} returns. */
    public static final int MAX_READ = 512;
    private static final String HEAD = "/head";

    private ShiplogScan() {
    }

    /** Returns topic name to the ref read for it, sorted by topic; aliased topics are reported. */
    public static TreeMap<String, String> topics(LedgerSnapshot snapshot, Consumer<Finding> findings) {
        TreeMap<String, String> topics = new TreeMap<>();
        for (String ref : snapshot.refsUnder(SHIPLOG).keySet()) {
            String topic = topicOf(ref);
            if (topic != null) {
                topics.put(topic, ref);
            }
        }
        for (String ref : snapshot.refsUnder(MESSAGES).keySet()) {
            String topic = topicOf(ref);
            if (topic != null) {
                String other = topics.put(topic, ref);
                if (other != null) {
                    findings.accept(new Finding(ref, null, null, FindingCode.TOPIC_ALIASED, "topic '" + topic
                            + "' exists as both " + other + " and " + ref + "; reading " + ref + " only"));
                }
            }
        }
        return topics;
    }

    /** Returns the topic of a topic head ref under either spelling, or null when {@code ref} is none. */
    static String topicOf(String ref) {
        for (String prefix : List.of(SHIPLOG, MESSAGES)) {
            if (ref.startsWith(prefix) && ref.endsWith(HEAD) && ref.length() > prefix.length() + HEAD.length()) {
                return ref.substring(prefix.length(), ref.length() - HEAD.length());
            }
        }
        return null;
    }

    /**
     * Returns a lazy stream of the messages of {@code topicFilter} (null: every topic); in a based
     * snapshot only the messages above each topic's base head, with absolute positions.
     */
    public static Stream<ShiplogMessage> stream(LedgerSnapshot snapshot, Set<String> topicFilter,
            Set<String> commitIds, boolean positions, Consumer<Finding> findings) {
        return stream(snapshot, topicFilter, commitIds, KeyRange.ALL, positions, findings);
    }

    /**
     * Returns the stream above, skipping the messages whose {@code Event-Id} trailer names a ULID
     * outside {@code range} (its time is the message's {@code ts}) without reading their envelopes.
     * Every commit is still visited, since ULIDs need not increase along a topic; a message without
     * a well-formed trailer is read and returned, so callers keep their exact filter.
     */
    public static Stream<ShiplogMessage> stream(LedgerSnapshot snapshot, Set<String> topicFilter,
            Set<String> commitIds, KeyRange range, boolean positions, Consumer<Finding> findings) {
        KeyRange keys = range == null ? KeyRange.ALL : range;
        GitObjects objects = snapshot.openObjects();
        Iterator<Map.Entry<String, String>> topics = topics(snapshot, findings).entrySet().stream()
                .filter(t -> topicFilter == null || topicFilter.contains(t.getKey())).iterator();
        return LazyStream.of(new LazyStream.Source<>() {
            private TopicCursor cursor;

            @Override
            public ShiplogMessage next() throws IOException {
                while (true) {
                    if (cursor == null) {
                        if (!topics.hasNext()) {
                            return null;
                        }
                        var t = topics.next();
                        cursor = new TopicCursor(objects, snapshot, t.getKey(), t.getValue(), positions, findings);
                    }
                    ShiplogMessage m = cursor.next(commitIds, keys);
                    if (m != null) {
                        return m;
                    }
                    cursor = null;
                }
            }
        }, objects);
    }

    /**
     * Returns ADR-0005's read: the messages after the one carrying {@code sinceUlid} (from the start
     * when it is null or not on the topic), oldest first, at most {@code limit} clamped to 1..512.
     * Costs a header-only walk of the topic (for positions) and one walk from the head back to
     * {@code sinceUlid}, holding at most {@code limit} messages. A query function, not a scan: it
     * ignores the base of a based snapshot and reads the topic as the snapshot's refs hold it.
     *
     * @throws LedgerException {@code BAD_ARGUMENT} for an unknown topic or a malformed ULID
     */
    public static List<ShiplogMessage> read(LedgerSnapshot snapshot, String topic, String sinceUlid, Integer limit) {
        if (topic == null) {
            throw new LedgerException(LedgerException.Code.BAD_ARGUMENT, "shiplog_read: topic must not be NULL");
        }
        if (sinceUlid != null && !Ulid.isValid(sinceUlid)) {
            throw new LedgerException(LedgerException.Code.BAD_ARGUMENT, "shiplog_read: since_ulid '" + sinceUlid
                    + "' is not a ULID (26 characters of Crockford base32, e.g. 01JD0000000000000000000000)");
        }
        String ref = topics(snapshot, f -> { }).get(topic);
        if (ref == null) {
            throw new LedgerException(LedgerException.Code.BAD_ARGUMENT, "shiplog_read: topic '" + topic
                    + "' does not exist (no " + SHIPLOG + topic + HEAD + " or " + MESSAGES + topic + HEAD + ")");
        }
        int lim = clamp(limit);
        ArrayDeque<ShiplogMessage> window = new ArrayDeque<>(lim);
        try (GitObjects objects = snapshot.openObjects()) {
            TopicCursor cursor = new TopicCursor(objects, snapshot.withBase(Map.of()), topic, ref, true, f -> { });
            ShiplogMessage m;
            while ((m = cursor.next(null, KeyRange.ALL)) != null && !m.ulid().equals(sinceUlid)) {
                if (window.size() == lim) {
                    window.removeFirst();
                }
                window.addLast(m);
            }
        } catch (IOException e) {
            throw new LedgerException(LedgerException.Code.IO, "reading topic " + topic + " failed: " + e.getMessage(),
                    e);
        }
        List<ShiplogMessage> out = new ArrayList<>(window);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Clamps a page size to 1..512; null means 512. */
    public static int clamp(Integer limit) {
        return limit == null ? MAX_READ : Math.max(1, Math.min(MAX_READ, limit));
    }

    /** Iterates one topic newest first, down to its base head in a based snapshot; positions are absolute. */
    static final class TopicCursor {
        private final GitObjects objects;
        private final String topic;
        private final String ref;
        private final Consumer<Finding> findings;
        private final NumberedWalk walk;

        TopicCursor(GitObjects objects, LedgerSnapshot snapshot, String topic, String ref, boolean positions,
                Consumer<Finding> findings) {
            this.objects = objects;
            this.topic = topic;
            this.ref = ref;
            this.findings = findings;
            this.walk = new NumberedWalk(objects, snapshot, ref, null, positions, findings);
        }

        /** Returns the next message among {@code commitIds} (null: all) that may be in {@code range}. */
        ShiplogMessage next(Set<String> commitIds, KeyRange range) throws IOException {
            GitCommit commit;
            while ((commit = walk.next()) != null) {
                if ((commitIds == null || commitIds.contains(commit.id())) && mayAdmit(range, commit)) {
                    return decode(commit, walk.pos());
                }
            }
            return null;
        }

        /** Returns false only when the commit's trailer ULID (and its time) is outside {@code range}. */
        private static boolean mayAdmit(KeyRange range, GitCommit commit) {
            if (range.isAll()) {
                return true;
            }
            String ulid = MessageDecoder.trailerUlid(commit);
            return ulid == null || range.admits(Ulid.timeMillis(ulid), ulid);
        }

        private ShiplogMessage decode(GitCommit commit, long here) throws IOException {
            byte[] bytes = null;
            try {
                ObjectId blob = objects.blobAt(commit.tree(), TreePaths.ENVELOPE);
                bytes = blob == null ? null : objects.blob(blob);
            } catch (MissingObjectException e) {
                findings.accept(new Finding(ref, commit.id(), TreePaths.ENVELOPE, FindingCode.MISSING_OBJECT,
                        "object " + e.getObjectId().name() + " of the message tree is missing"));
            }
            ShiplogMessage m = MessageDecoder.decode(topic, ref, here, commit, bytes);
            if (m.error() != null) {
                findings.accept(new Finding(ref, commit.id(), TreePaths.ENVELOPE, FindingCode.BAD_JSON, m.error()));
            } else {
                if (!m.contentOk()) {
                    findings.accept(new Finding(ref, commit.id(), TreePaths.ENVELOPE, FindingCode.CONTENT_ID_MISMATCH,
                            "Content-Id " + m.contentId() + " is not BLAKE3 of the envelope bytes ("
                                    + Blake3.prefixed(bytes) + ")"));
                }
                oddities(commit, m, bytes);
            }
            return m;
        }

        /** Reports a readable envelope's ulid that is no ULID and its strings with unpaired surrogates. */
        private void oddities(GitCommit commit, ShiplogMessage m, byte[] bytes) {
            if (!Ulid.isValid(m.ulid())) {
                findings.accept(new Finding(ref, commit.id(), TreePaths.ENVELOPE, FindingCode.BAD_ULID,
                        "envelope ulid '" + Text.excerpt(m.ulid())
                        + "' is not a ULID (26 upper-case Crockford base32 characters);"
                        + " the message keeps it, and ts reads as the committer time"));
            }
            if (Text.maySurrogate(bytes)) {
                try {
                    Text.unpaired(Json.parse(bytes), (pointer, escape) -> findings.accept(new Finding(ref,
                            commit.id(), TreePaths.ENVELOPE + "#" + pointer, FindingCode.BAD_TEXT,
                            Text.unpairedMessage(escape))));
                } catch (Json.SyntaxException e) {
                    throw new IllegalStateException("the envelope parsed once already", e);
                }
            }
        }
    }
}
