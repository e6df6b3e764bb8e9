package io.gatos.sql.ledger.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import io.gatos.sql.ledger.cache.SegmentStore;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.decode.EventDecoder;
import io.gatos.sql.ledger.eventcache.CacheCoverage;
import io.gatos.sql.ledger.eventcache.CachedJournal;
import io.gatos.sql.ledger.eventcache.SortedEvents;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;

/**
 * Reads journal events (LAYOUT §1) lazily, newest first within each journal and journals in ref
 * order. Namespace and stream restrictions choose which journals are read at all; a commit-id
 * restriction is a lookup ({@link EventLookup}): the admitted journals are walked in lockstep,
 * reading commit headers only, until the last wanted commit is found; a ULID restriction skips envelopes that cannot
 * contain one of the ULIDs before parsing them. In a based snapshot each journal is read only
 * above its base head, and {@code pos} stays absolute.
 */
public final class EventScan {
    /** Prefix of journal refs. */
    public static final String PREFIX = "refs/gatos/journal/";

    /**
     * Restricts a scan; a null set means "no restriction". {@code positions} asks for {@code pos},
     * which costs one extra header walk of each journal read. {@code envelopes} asks for the
     * envelope columns (id, actor, kind, ts, payload, caps, policy_root, sig_alg, error); without it
     * only commits are read, and those columns hold {@link EventDecoder#headerOnly} placeholders.
     */
    public record Query(Set<String> namespaces, Set<String> streams, Set<String> ids, Set<String> commitIds,
            boolean positions, boolean envelopes, KeyRange range, boolean newestFirst) {
        /**
         * Requires envelopes whenever ids or times are restricted or rows are ordered by time: only
         * the envelope knows them.
         */
        public Query {
            range = range == null ? KeyRange.ALL : range;
            envelopes = envelopes || ids != null || !range.isAll() || newestFirst;
        }

        /** Holds a query in journal order. */
        public Query(Set<String> namespaces, Set<String> streams, Set<String> ids, Set<String> commitIds,
                boolean positions, boolean envelopes, KeyRange range) {
            this(namespaces, streams, ids, commitIds, positions, envelopes, range, false);
        }

        /** Holds a query in journal order with no time or id range. */
        public Query(Set<String> namespaces, Set<String> streams, Set<String> ids, Set<String> commitIds,
                boolean positions, boolean envelopes) {
            this(namespaces, streams, ids, commitIds, positions, envelopes, KeyRange.ALL);
        }

        /** Returns the query that reads everything, with positions and envelopes. */
        public static Query all() {
            return new Query(null, null, null, null, true, true);
        }

        boolean admitsJournal(String ns, String stream) {
            return (namespaces == null || namespaces.contains(ns)) && (streams == null || streams.contains(stream))
                    && (commitIds == null || !commitIds.isEmpty());
        }
    }

    private EventScan() {
    }

    /** Journal refs of {@code snapshot} in sorted order: ref name to {ns, actor segment}. */
    public static List<Map.Entry<String, String[]>> journals(LedgerSnapshot snapshot) {
        List<Map.Entry<String, String[]>> out = new ArrayList<>();
        for (String ref : snapshot.refsUnder(PREFIX).keySet()) {
            String[] parts = journalParts(ref);
            if (parts != null) {
                out.add(Map.entry(ref, parts));
            }
        }
        return out;
    }

    /** Returns {ns, actor segment} of journal ref {@code ref}, or null when it is not a journal ref. */
    static String[] journalParts(String ref) {
        if (!ref.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = ref.substring(PREFIX.length()).split("/");
        return parts.length == 2 ? parts : null;
    }

    /** Returns a lazy stream of the events {@code query} admits; close it to release the reader. */
    public static Stream<LedgerEvent> stream(LedgerSnapshot snapshot, Query query, Consumer<Finding> findings) {
        return stream(snapshot, query, null, findings);
    }

    /**
     * Returns a lazy stream of the events {@code query} admits, reading decoded rows from
     * {@code cache} (nullable: no cache) where it holds them and adding what it lacks; close the
     * stream to release the reader. Rows come out in journal order, the same with or without a
     * cache, unless the query asks for {@code newestFirst}, which needs a cache.
     */
    public static Stream<LedgerEvent> stream(LedgerSnapshot snapshot, Query query, SegmentStore cache,
            Consumer<Finding> findings) {
        requireNonNull(query, "query");
        GitObjects objects = snapshot.openObjects();
        List<Map.Entry<String, String[]>> admitted = admitted(snapshot, query);
        SegmentStore.Listing listing = cache == null ? null : cache.list();
        // covered: Bloom filters answer, and no object is opened (a fresh reader's first lookup loads pack indexes)
        if (query.commitIds() != null && (cache == null || !CacheCoverage.covers(snapshot, admitted, cache, listing))) {
            Query q = existing(query, objects);
            Stream<LedgerEvent> found = EventLookup.stream(objects, snapshot, admitted(snapshot, q), q, findings);
            return q.newestFirst() ? found.sorted(SortedEvents.NEWEST_FIRST) : found; // a lookup finds few rows
        }
        if (cache != null && query.newestFirst()) {
            return SortedEvents.stream(objects, snapshot, admitted, query, cache, findings);
        }
        if (cache != null) {
            return cached(objects, snapshot, admitted, query, cache, listing, findings);
        }
        Iterator<Map.Entry<String, String[]>> journals = admitted.iterator();
        return LazyStream.of(new LazyStream.Source<>() {
            private JournalCursor cursor;

            @Override
            public LedgerEvent next() throws IOException {
                while (true) {
                    if (cursor == null) {
                        if (!journals.hasNext()) {
                            return null;
                        }
                        var j = journals.next();
                        cursor = new JournalCursor(objects, snapshot, j.getKey(), j.getValue(), query, query.positions(),
                                findings);
                    }
                    LedgerEvent e = cursor.next();
                    if (e != null) {
                        return e;
                    }
                    cursor = null;
                }
            }
        }, objects);
    }

    /** Returns the journals of {@code snapshot} that {@code query}'s namespace, stream and commit restrictions admit. */
    private static List<Map.Entry<String, String[]>> admitted(LedgerSnapshot snapshot, Query query) {
        return journals(snapshot).stream()
                .filter(j -> query.admitsJournal(j.getValue()[0], j.getValue()[0] + "/" + j.getValue()[1])).toList();
    }

    private static Stream<LedgerEvent> cached(GitObjects objects, LedgerSnapshot snapshot,
            List<Map.Entry<String, String[]>> admitted, Query q, SegmentStore cache, SegmentStore.Listing listing,
            Consumer<Finding> findings) {
        Iterator<Map.Entry<String, String[]>> journals = admitted.iterator();
        CachedJournal[] current = new CachedJournal[1];
        return LazyStream.of(() -> {
            while (true) {
                if (current[0] == null) {
                    if (!journals.hasNext()) {
                        return null;
                    }
                    var j = journals.next();
                    current[0] = new CachedJournal(objects, snapshot, j.getKey(), j.getValue(), q, cache, listing,
                            findings);
                }
                LedgerEvent e = current[0].next();
                if (e != null) {
                    return e;
                }
                current[0].close();
                current[0] = null;
            }
        }, () -> {
            try {
                if (current[0] != null) {
                    current[0].close();
                }
            } finally {
                objects.close();
            }
        });
    }

    /** Narrows a commit-id restriction to commits that exist, so a lookup of unknown ids reads nothing. */
    private static Query existing(Query query, GitObjects objects) {
        if (query.commitIds() == null) {
            return query;
        }
        try {
            return new Query(query.namespaces(), query.streams(), query.ids(), objects.existingCommits(query.commitIds()),
                    query.positions(), query.envelopes(), query.range(), query.newestFirst());
        } catch (IOException e) {
            objects.close();
            throw new LedgerException(LedgerException.Code.IO, "reading the repository failed: " + e.getMessage(), e);
        }
    }

    public static boolean contains(byte[] haystack, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
