package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PointerRecord;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.decode.Pointers;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;

/**
 * Reads pointers (LAYOUT §5) lazily: first from the JSON nodes of every checkpoint of every
 * {@code refs/gatos/state/<ns>} (in {@link StateScan} order; {@code commit_id} and {@code state_ref}
 * are the checkpoint), then from the payloads of journal events (in {@link EventScan} order).
 * Pointers are metadata only: this class never opens, resolves, stat's or fetches a location. In a
 * based snapshot both parts read only what is above the bases (new checkpoints, new events).
 *
 * <p>{@code stateRefs} (null: all) keeps state pointers of those checkpoints only and, since event
 * pointers have no state ref, drops event pointers; {@code commitIds} (null: all) keeps pointers
 * held by those commits. A state blob is parsed when it is named {@code *.json} or its first
 * non-blank byte opens an object or array; other blobs are read only up to that byte. Parsed
 * results are cached per (blob, path), so a file unchanged across checkpoints is parsed once.
 * Findings: chain and missing-object findings of the state walk, {@code BAD_JSON} for a
 * {@code *.json} node that does not parse, and the pointer problems of {@link Pointers}; envelope
 * problems are left to the events scan. The stream must be closed (it releases its readers).
 */
public final class PointerScan {
    private static final int CACHE_ENTRIES = 1024;

    private PointerScan() {
    }

    /** Returns a lazy stream of the pointers admitted; close it to release the readers. */
    public static Stream<PointerRecord> stream(LedgerSnapshot snapshot, Set<String> stateRefs, Set<String> commitIds,
            Consumer<Finding> findings) {
        Cursor cursor = new Cursor(snapshot, stateRefs, commitIds, findings, stateRefs == null);
        return LazyStream.of(cursor, cursor);
    }

    /** Returns a lazy stream of the pointers in state nodes only; close it to release the readers. */
    public static Stream<PointerRecord> inState(LedgerSnapshot snapshot, Consumer<Finding> findings) {
        Cursor cursor = new Cursor(snapshot, null, null, findings, false);
        return LazyStream.of(cursor, cursor);
    }

    /** Returns the pointers in the payload of {@code event}, for callers that already read the event. */
    public static List<PointerRecord> inEvent(LedgerEvent event, Consumer<Finding> findings) {
        if (event.payload() == null || !event.payload().contains("\"kind\"")) {
            return List.of();
        }
        try {
            return Pointers.find(Json.parse(event.payload()), TreePaths.ENVELOPE, "/payload",
                    Pointers.Context.event(event.commitId(), event.ref()), findings);
        } catch (Json.SyntaxException e) {
            throw new IllegalStateException("the reader wrote a payload that is not JSON: " + event.commitId(), e);
        }
    }

    /** What one (blob, path) yields, bound to the first checkpoint it was read in. */
    private record Parsed(List<PointerRecord> pointers, List<Finding> findings) {
    }

    /** Walks state nodes, then events, queueing the pointers of one document at a time. */
    private static final class Cursor implements LazyStream.Source<PointerRecord>, AutoCloseable {
        private final LedgerSnapshot snapshot;
        private final Set<String> commitIds;
        private final boolean withEvents;
        private final Consumer<Finding> findings;
        private final GitObjects objects;
        private final StateChain chain;
        private final ArrayDeque<PointerRecord> queue = new ArrayDeque<>();
        private final Map<String, Parsed> cache = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                return size() > CACHE_ENTRIES;
            }
        };
        private StateChain.Entry entry;
        private Iterator<StateChain.Blob> blobs = Collections.emptyIterator();
        private boolean stateDone;
        private Stream<LedgerEvent> eventStream;
        private Iterator<LedgerEvent> events;

        Cursor(LedgerSnapshot snapshot, Set<String> stateRefs, Set<String> commitIds, Consumer<Finding> findings,
                boolean withEvents) {
            this.snapshot = snapshot;
            this.commitIds = commitIds;
            this.withEvents = withEvents;
            this.findings = findings;
            this.objects = snapshot.openObjects();
            this.chain = new StateChain(objects, snapshot, null, intersect(stateRefs, commitIds), findings);
        }

        @Override
        public PointerRecord next() throws IOException {
            while (queue.isEmpty()) {
                if (!stateDone) {
                    stateDone = !nextStateDocument();
                } else if (!nextEvent()) {
                    return null;
                }
            }
            return queue.poll();
        }

        /** Queues the pointers of the next state node; returns false when there is none. */
        private boolean nextStateDocument() throws IOException {
            while (!blobs.hasNext()) {
                entry = chain.next();
                if (entry == null) {
                    return false;
                }
                blobs = StateChain.blobs(objects, entry, findings).iterator();
            }
            StateChain.Blob blob = blobs.next();
            String key = blob.id().name() + " " + blob.path();
            Parsed parsed = cache.get(key);
            if (parsed == null) {
                parsed = parse(entry, blob);
                if (parsed == null) {
                    return true;
                }
                cache.put(key, parsed);
            }
            String stateRef = entry.commit().id();
            for (Finding f : parsed.findings()) {
                findings.accept(new Finding(entry.ref(), stateRef, f.path(), f.code(), f.message()));
            }
            parsed.pointers().forEach(p -> queue.add(p.at(stateRef, stateRef)));
            return true;
        }

        private Parsed parse(StateChain.Entry e, StateChain.Blob blob) throws IOException {
            boolean named = StateChain.namedJson(blob.path());
            byte[] bytes;
            try {
                bytes = readCandidate(objects, blob, named);
            } catch (MissingObjectException x) {
                findings.accept(StateChain.missingBlob(e, blob));
                return null;
            }
            List<Finding> problems = new ArrayList<>();
            if (bytes == null) {
                return new Parsed(List.of(), List.of());
            }
            JsonValue root;
            try {
                root = Json.parse(bytes);
            } catch (Json.SyntaxException x) {
                return new Parsed(List.of(), named ? List.of(StateChain.notJson(e, blob)) : List.of());
            }
            String stateRef = e.commit().id();
            List<PointerRecord> found = Pointers.find(root, blob.path(), "",
                    Pointers.Context.state(stateRef, e.ref()), problems::add);
            return new Parsed(found, problems);
        }

        /** Queues the pointers of the next event payload; returns false when there is none. */
        private boolean nextEvent() {
            if (!withEvents) {
                return false;
            }
            if (events == null) {
                eventStream = EventScan.stream(snapshot, EventQuery.all().withPositions(false).withCommitIds(commitIds),
                        f -> { });
                events = eventStream.iterator();
            }
            if (!events.hasNext()) {
                return false;
            }
            queue.addAll(inEvent(events.next(), findings));
            return true;
        }

        @Override
        public void close() {
            try {
                if (eventStream != null) {
                    eventStream.close();
                }
            } finally {
                objects.close();
            }
        }
    }

    /** Signals that a blob is not a JSON object or array, so reading it can stop. */
    private static final class NotJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJson() {
            super(null, null, false, false);
        }
    }

    /**
     * Returns the bytes of {@code blob} when it may hold a pointer (named {@code *.json}, or its first
     * non-blank byte is '{' or '['), else null after reading no further than that byte's piece.
     */
    static byte[] readCandidate(GitObjects objects, StateChain.Blob blob, boolean named) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] decided = {named};
        try {
            objects.stream(blob.id(), (buf, n) -> {
                if (!decided[0]) {
                    int first = firstNonBlank(buf, n);
                    if (first >= 0) {
                        if (buf[first] != '{' && buf[first] != '[') {
                            throw new NotJson();
                        }
                        decided[0] = true;
                    }
                }
                out.write(buf, 0, n);
            });
        } catch (NotJson e) {
            return null;
        }
        return decided[0] ? out.toByteArray() : null;
    }

    private static int firstNonBlank(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
